import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import WebSocket from "ws";
import { migrateDatabase } from "../src/node/migrate.ts";
import { openNodeDatabase } from "../src/node/open-database.ts";
import { startChild } from "../src/testing/child-process.ts";
import { connectFakeTelegram, startFakeTelegram } from "../src/testing/fake-telegram-inbox.ts";
import { connectFakeWhatsapp, startFakeWhatsapp } from "../src/testing/fake-whatsapp-inbox.ts";
import { BENCH_WIDGET_LIMITS } from "./latency-bench.ts";
import { fmt, percentile } from "./stats.ts";
import { ingestThroughWebhooks, telegramDeliveries, whatsappDeliveries, type WebhookIngest } from "./webhook-ingest.ts";

interface ServerInfo {
  url: string;
  dir: string;
  inboxId: string;
  teamId: string;
}

/**
 * Section (a): messages taken in, as a ratio of raw single-row libSQL commits measured in the
 * same run: through the web chat widget (socket and HTTP), and through signed WhatsApp and
 * Telegram webhooks (stored before the 200, processed after it; timed until all are processed).
 */
export async function ingestSection(opts: { quick: boolean }): Promise<void> {
  const visitors = opts.quick ? 20 : 100;
  const perVisitor = opts.quick ? 10 : 40;
  const total = visitors * perVisitor;
  const hooks = { total: opts.quick ? 1000 : 4000, warmup: opts.quick ? 300 : 1000, senders: 32, customers: 200 };
  const whatsapp = await startFakeWhatsapp();
  const telegram = await startFakeTelegram();
  const server = await startChild<ServerInfo>(new URL("../src/testing/server-process.ts", import.meta.url), {
    WIDGET_LIMITS: BENCH_WIDGET_LIMITS,
    PLATFORM_API_URLS: `whatsapp=${whatsapp.fake.baseUrl},telegram=${telegram.fake.baseUrl}`,
  });
  const db = createClient({ url: `file:${join(server.info.dir, "inbox.db")}` });
  try {
    const { url, teamId } = server.info;
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@demo.inbox", password: "bench-password" }),
    });
    const { token } = (await login.json()) as { token: string };
    const wa = await connectFakeWhatsapp(url, token, teamId, whatsapp);
    const tg = await connectFakeTelegram(url, token, teamId, telegram);
    // Sustained rates: the server has warmed up (compiled its hot paths) on other customers first.
    await ingestThroughWebhooks({ url, db, inboxId: wa.inboxId }, whatsappDeliveries(wa.inboxId, whatsapp, hooks.warmup, hooks.customers, 10_000), hooks.senders);
    await ingestThroughWebhooks({ url, db, inboxId: tg.inboxId }, telegramDeliveries(tg.inboxId, telegram, hooks.warmup, hooks.customers, 10_000), hooks.senders);
    // The baseline before and after the runs, as the machine's load drifts.
    const rawBefore = await rawInserts(Math.max(total, hooks.total), 1);
    const raw100 = await rawInserts(Math.max(total, hooks.total), 100);
    const waRun = await ingestThroughWebhooks({ url, db, inboxId: wa.inboxId }, whatsappDeliveries(wa.inboxId, whatsapp, hooks.total, hooks.customers), hooks.senders);
    const tgRun = await ingestThroughWebhooks({ url, db, inboxId: tg.inboxId }, telegramDeliveries(tg.inboxId, telegram, hooks.total, hooks.customers), hooks.senders);
    const http = await ingestThroughHttp(url, server.info.inboxId, visitors, perVisitor);
    const socket = await ingestThroughWebSocket(url, server.info.inboxId, visitors, perVisitor);
    const rawAfter = await rawInserts(Math.max(total, hooks.total), 1);
    const raw1 = (rawBefore + rawAfter) / 2;
    const hook = (name: string, r: WebhookIngest) =>
      console.log(`  ${name} ${fmt(r.rate, 0).padStart(6)} msg/s  ratio ${fmt(r.rate / raw1, 2)} of raw single-row (target >= 1.00); 200 p50 ${fmt(percentile(r.acks, 50), 1)} ms, p99 ${fmt(percentile(r.acks, 99), 1)} ms`);
    console.log("## (a) Ingest into libSQL (each message: message row + event row + conversation update)");
    console.log(`  raw libSQL, one commit per message row:  ${fmt(raw1, 0)} rows/s (baseline; ${fmt(rawBefore, 0)} before the runs, ${fmt(rawAfter, 0)} after)`);
    console.log(`  raw libSQL, 100 rows per commit:         ${fmt(raw100, 0)} rows/s  ratio ${fmt(raw100 / raw1, 2)}`);
    console.log(`  ${hooks.total} signed webhooks per platform from ${hooks.customers} new customers, ${hooks.senders} in flight, after ${hooks.warmup} to warm up; first send until all processed:`);
    hook("WhatsApp (X-Hub-Signature-256):", waRun);
    hook("Telegram (secret token):       ", tgRun);
    console.log(`  ${total} web chat messages from ${visitors} concurrent visitors, each waiting for its previous message's answer:`);
    console.log(`  widget socket (fast path):       ${fmt(socket, 0).padStart(6)} msg/s  ratio ${fmt(socket / raw1, 2)} of raw single-row (target >= 1.00)`);
    console.log(`  widget HTTP POST (fallback):     ${fmt(http, 0).padStart(6)} msg/s  ratio ${fmt(http / raw1, 2)} of raw single-row\n`);
    await whatsapp.fake.stop();
    await telegram.fake.stop();
  } finally {
    db.close();
    await server.stop();
  }
}

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
 * Opening the database through openNodeDatabase keeps prepared statements in this process
 * (node/statement-cache.ts), as the server keeps its own: the baseline is the storage's rate,
 * not the cost of compiling the same insert again for every row.
 */
export async function rawInserts(count: number, batch: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "inbox-raw-"));
  const dbUrl = `file:${join(dir, "raw.db")}`;
  const { db, close } = await openNodeDatabase(dbUrl);
  await migrateDatabase(db);
  await close();
  const client = createClient({ url: dbUrl });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA synchronous = NORMAL");
  await client.executeMultiple(`
    insert into workspaces (id, name, created_at) values ('w','W',0);
    insert into teams (id, workspace_id, name) values ('t','w','T');
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
