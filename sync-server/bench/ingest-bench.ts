import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import WebSocket from "ws";
import { migrateDatabase } from "../src/node/migrate.ts";
import { openNodeDatabase } from "../src/node/open-database.ts";

/** Web-chat messages through the real HTTP path (widget API → ingest → libSQL), messages per second. */
export async function ingestThroughHttp(url: string, inboxId: string, visitors: number, perVisitor: number): Promise<number> {
  const tokens = await visitorTokens(url, inboxId, visitors);
  const run = Math.random().toString(36).slice(2, 8);
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, v) => {
      for (let i = 0; i < perVisitor; i++) {
        const res = await fetch(`${url}/api/widget/${inboxId}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ clientId: `bench-${run}-${v}-${i}`, text: `Message ${i} from visitor ${v}: where is my order?` }),
        });
        if (res.status !== 201) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
      }
    }),
  );
  return (visitors * perVisitor) / ((performance.now() - started) / 1000);
}

async function visitorTokens(url: string, inboxId: string, visitors: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: visitors }, async () => {
      const res = await fetch(`${url}/api/widget/${inboxId}/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      return ((await res.json()) as { token: string }).token;
    }),
  );
}

/**
 * The widget's fast path: each visitor sends on its open live socket and waits for the ack
 * before sending the next message. Messages per second.
 */
export async function ingestThroughWebSocket(url: string, inboxId: string, visitors: number, perVisitor: number): Promise<number> {
  const tokens = await visitorTokens(url, inboxId, visitors);
  const sockets = await Promise.all(
    tokens.map(
      (token) =>
        new Promise<WebSocket>((resolve, reject) => {
          // The live socket opens with a ticket obtained with the widget token (never the token itself).
          void fetch(`${url}/api/widget/${inboxId}/live-tickets`, { method: "POST", headers: { authorization: `Bearer ${token}` } })
            .then(async (res) => ((await res.json()) as { ticket: string }).ticket)
            .then((ticket) => {
              const ws = new WebSocket(`${url.replace("http", "ws")}/api/widget/${inboxId}/live?ticket=${encodeURIComponent(ticket)}`);
              ws.once("message", () => resolve(ws)); // {"type":"ready"}
              ws.once("error", reject);
            }, reject);
        }),
    ),
  );
  const run = Math.random().toString(36).slice(2, 8);
  const started = performance.now();
  await Promise.all(
    sockets.map(async (ws, v) => {
      for (let i = 0; i < perVisitor; i++) {
        const clientId = `ws-${run}-${v}-${i}`;
        await new Promise<void>((resolve, reject) => {
          const onFrame = (data: Buffer) => {
            const frame = JSON.parse(String(data)) as { type: string; clientId?: string; message?: string };
            if (frame.clientId !== clientId) return;
            ws.off("message", onFrame);
            if (frame.type === "ack") resolve();
            else reject(new Error(`ingest failed: ${frame.message}`));
          };
          ws.on("message", onFrame);
          ws.send(JSON.stringify({ type: "send", clientId, text: `Message ${i} from visitor ${v}: where is my order?` }));
        });
      }
    }),
  );
  const rate = (visitors * perVisitor) / ((performance.now() - started) / 1000);
  for (const ws of sockets) ws.close();
  return rate;
}

/**
 * Baseline: the same message rows inserted straight into libSQL with the same schema and
 * pragmas, one commit per row (`batch` = 1) or `batch` rows per commit. Rows per second.
 */
export async function rawInserts(count: number, batch: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "inbox-raw-"));
  const dbUrl = `file:${join(dir, "raw.db")}`;
  const { db, close } = await openNodeDatabase(dbUrl);
  await migrateDatabase(db);
  close();
  const client = createClient({ url: dbUrl });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA synchronous = NORMAL");
  await client.executeMultiple(`
    insert into workspaces values ('w','W',0);
    insert into teams values ('t','w','T');
    insert into inboxes (id, workspace_id, name, channel, status, team_id, settings, created_at) values ('i','w','I','webchat','active','t','{}',0);
    insert into contacts (id, workspace_id, created_at) values ('c','w',0);
    insert into conversations (id, workspace_id, inbox_id, channel, contact_id, contact_name, team_id, labels, last_activity_at, created_at) values ('v','w','i','webchat','c','C','t','[]',0,0);
  `);
  const row = (i: number) => ({
    sql: `insert into messages (id, workspace_id, conversation_id, inbox_id, direction, sender_kind, sender_id, sender_name, content, text, status, client_id, created_at)
          values (?, 'w', 'v', 'i', 'inbound', 'customer', 'c', 'C', ?, ?, 'delivered', ?, ?)`,
    args: [`m${i}`, JSON.stringify({ kind: "text", text: `Message ${i}` }), `Message ${i}`, `raw-${i}`, i],
  });
  const started = performance.now();
  for (let i = 0; i < count; i += batch) {
    if (batch === 1) await client.execute(row(i));
    else await client.batch(Array.from({ length: Math.min(batch, count - i) }, (_, k) => row(i + k)), "write");
  }
  const rate = count / ((performance.now() - started) / 1000);
  client.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}
