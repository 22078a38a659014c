import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client/web";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Conversation } from "@inbox/shared";
import { startNodeServer, type RunningServer } from "../node/server.ts";
import { sqldBinary, startSqld, type Sqld } from "../testing/sqld.ts";
import { bearerWebSocket, TEST_PASSWORD_PARAMS, waitFor } from "../testing/test-server.ts";
import { docUpdates, messages } from "./schema.ts";

const PASSWORD = "remote-password-1";

/**
 * The whole server on a remote libSQL (sqld over Hrana/HTTP) instead of an embedded file: what
 * the Workers build stands on. Sign-in, a customer message, its live room and the room's
 * persisted Yjs log must all work, and survive a restart against the same database.
 */
describe.skipIf(!sqldBinary())("the server on a real libSQL server over HTTP", () => {
  let sqld: Sqld;
  let dataDir: string;
  beforeAll(async () => {
    sqld = await startSqld({ auth: true });
    dataDir = mkdtempSync(join(tmpdir(), "remote-libsql-"));
  });
  afterAll(async () => {
    await sqld?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    startNodeServer({
      databaseUrl: sqld.url,
      databaseAuthToken: sqld.authToken,
      dataDir,
      secretKey: btoa(String.fromCharCode(...new Uint8Array(32).fill(7))),
      port: 0,
      host: "127.0.0.1",
      sessionTtlMs: 3600_000,
      secureCookies: false,
      seedPassword: PASSWORD,
      passwordParams: TEST_PASSWORD_PARAMS,
      roomIdleMs: 50,
    });

  it("takes a customer message, shows it live and keeps it and its room across a restart", async () => {
    let server: RunningServer = await start();
    const inbox = server.seed!.inboxIds.site!;
    const team = `team.${server.seed!.teamIds.support}`;
    const login = async (s: RunningServer) => {
      const res = await fetch(`${s.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "ana@demo.inbox", password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    };
    const watch = (s: RunningServer, token: string, doc: Y.Doc) =>
      new WebsocketProvider(s.url.replace("http", "ws") + "/sync", team, doc, {
        WebSocketPolyfill: bearerWebSocket(token),
        disableBc: true,
      });

    const doc = new Y.Doc();
    const live = watch(server, await login(server), doc);
    await waitFor("synced", () => live.synced);
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const visitor = (await (await post(`/api/widget/${inbox}/sessions`, { name: "Remote Rita" })).json()) as { token: string };
    const sent = await post(`/api/widget/${inbox}/messages`, { clientId: "remote-0001", text: "hello from afar" }, visitor.token);
    expect(sent.status).toBe(201);

    const list = doc.getMap<Conversation>("conversations");
    const seen = await waitFor("the conversation in the live list", () => [...list.values()].find((c) => c.contactName === "Remote Rita"));
    expect(seen.lastMessagePreview).toBe("hello from afar");
    live.destroy();
    await server.close();

    // Read the record as the Workers build would: the web client straight to libSQL.
    const web = createClient({ url: sqld.url, authToken: sqld.authToken });
    try {
      const db = drizzle(web);
      const stored = await db.select({ text: messages.text }).from(messages).where(eq(messages.clientId, "remote-0001"));
      expect(stored).toEqual([{ text: "hello from afar" }]);
      const log = await db.select({ update: docUpdates.update }).from(docUpdates).where(eq(docUpdates.room, team));
      const replayed = new Y.Doc();
      Y.applyUpdate(replayed, Y.mergeUpdates(log.map((r) => r.update)));
      const fromLog = [...replayed.getMap<Conversation>("conversations").values()].find((c) => c.contactName === "Remote Rita");
      expect(fromLog?.lastMessagePreview).toBe("hello from afar");
    } finally {
      web.close();
    }

    server = await start();
    try {
      expect(server.seed?.seeded).toBe(false); // the database was already seeded: nothing re-created
      const again = new Y.Doc();
      const back = watch(server, await login(server), again);
      const restored = await waitFor("the conversation after a restart", () =>
        [...again.getMap<Conversation>("conversations").values()].find((c) => c.contactName === "Remote Rita"),
      );
      expect(restored.lastMessagePreview).toBe("hello from afar");
      back.destroy();
    } finally {
      await server.close();
    }
  });
});
