import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import { newId, SyncPullResponseSchema, type Conversation, type SyncPullResponse } from "@inbox/shared";
import { RetentionReportSchema, RetentionResponseSchema } from "@inbox/shared/api/data-rights";
import type { UploadResponse } from "@inbox/shared/api/uploads";
import { auditLog, contacts, conversations, deletions, docUpdates, events, media, messages, teams } from "../db/schema.ts";
import { createWorkspace } from "../workspace/index.ts";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { PNG } from "./customer-fixture.ts";
import { RETENTION_BATCH } from "./retention-run.ts";
import { DAY_MS } from "./retention-scan.ts";

// A workspace of its own (so every count is exact) with web chat conversations: the retention
// policy saved and audited, a dry run that deletes nothing, a run that deletes exactly what the
// dry run said (messages, media files, rooms' stored histories) in batches, leaves recently
// resolved and open chats alone, writes `deletions` that devices pull, and is audited; then the
// schedule applies it by itself.

let server: TestServer;
let admin: string;
let workspaceId: string;
let teamId: string;
let inboxId: string;
const OWNER = { email: "owner@retention.example", password: "retention workspace pass 42" };

beforeAll(async () => {
  server = await startTestServer();
  ({ workspaceId } = await createWorkspace(server.core.db, { workspaceName: "Retention Co", adminName: "Rita Owner", adminEmail: OWNER.email, adminPassword: OWNER.password }));
  admin = await server.login(OWNER.email, OWNER.password);
  teamId = (await server.core.db.query.teams.findFirst({ where: eq(teams.workspaceId, workspaceId) }))!.id;
  const res = await server.api("/api/admin/inboxes", { method: "POST", token: admin, json: { name: "Site chat", channel: "webchat", teamId, credentials: {} } });
  expect(res.status).toBe(201);
  inboxId = ((await res.json()) as { inbox: { id: string } }).inbox.id;
});
afterAll(() => server?.stop());

const json = async <T>(res: Response): Promise<T> => {
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** A visitor's chat with one message; resolved unless told otherwise. */
async function chat(name: string, opts: { resolve?: boolean } = {}): Promise<Conversation> {
  const session = await json<{ token: string }>(await server.api(`/api/widget/${inboxId}/sessions`, { method: "POST", json: { name } }));
  await json(await server.api(`/api/widget/${inboxId}/messages`, { method: "POST", token: session.token, json: { clientId: crypto.randomUUID(), text: `hello from ${name}` } }));
  const list = await json<{ conversations: Conversation[] }>(await server.api("/api/conversations", { token: admin }));
  const conv = list.conversations.find((c) => c.contactName === name)!;
  if (opts.resolve !== false) await setStatus(conv.id, "resolved");
  return conv;
}

const setStatus = async (id: string, status: string) => json(await server.api(`/api/conversations/${id}/status`, { method: "POST", token: admin, json: { status } }));
const dryRun = async (retentionDays?: number) => RetentionReportSchema.parse(await json(await server.api("/api/admin/retention/dry-run", { method: "POST", token: admin, json: retentionDays ? { retentionDays } : {} })));
const runNow = async () => RetentionReportSchema.parse(await json(await server.api("/api/admin/retention/run", { method: "POST", token: admin })));

async function pull(cursor?: string): Promise<SyncPullResponse> {
  return SyncPullResponseSchema.parse(await json(await server.api(`/api/sync/pull?${new URLSearchParams({ limit: "2000", ...(cursor ? { cursor } : {}) })}`, { token: admin })));
}

const inWorkspace = async () => (await server.core.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.workspaceId, workspaceId))).map((r) => r.id);

describe("the retention policy", () => {
  it("is off by default; saving it is audited; the dry run says what would go and deletes nothing; the run deletes exactly that", async () => {
    expect(await json(await server.api("/api/admin/retention", { token: admin }))).toEqual({ policy: { retentionDays: null } });
    const old = [await chat("Old Olga"), await chat("Old Oscar"), await chat("Old Otto")];
    // One of them with an agent's file, a note's worth of room history and a linked ticket.
    const up = await json<UploadResponse>(
      await server.api(`/api/uploads?conversationId=${old[0]!.id}&filename=plan.png`, { method: "POST", token: admin, headers: { "content-type": "image/png" }, body: PNG as Uint8Array<ArrayBuffer> }),
    );
    const sent = await json<{ results: { ok: boolean }[] }>(
      await server.api("/api/commands", { method: "POST", token: admin, json: { commands: [{ type: "reply", clientId: crypto.randomUUID(), conversationId: old[0]!.id, text: "", content: { kind: "image", url: up.url, mimeType: "image/png" } }] } }),
    );
    expect(sent.results[0]!.ok).toBe(true);
    await json(await server.api(`/api/conversations/${old[0]!.id}/tickets`, { method: "POST", token: admin, json: { title: "T-9", url: "https://tickets.example/9" } }));
    const key = up.url.slice("/media/".length);
    // Its timeline and work room were open once, so both are stored.
    for (const room of [`conv.${old[0]!.id}`, `work.${old[0]!.id}`]) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(server.url.replace("http", "ws") + "/sync", room, doc, { WebSocketPolyfill: bearerWebSocket(admin), disableBc: true });
      await waitFor(`${room} synced`, () => provider.synced);
      if (room.startsWith("work.")) doc.getText("draft").insert(0, "a draft about Olga");
      await waitFor(`${room} stored`, async () => {
        await server.core.rooms.flush();
        return (await server.core.db.select().from(docUpdates).where(eq(docUpdates.room, room))).length > 0;
      });
      provider.destroy();
      doc.destroy();
    }
    const recent = await chat("Recent Rosa");
    const open = await chat("Open Omar", { resolve: false });
    const deviceCursor = (await pull()).cursor;

    const saved = RetentionResponseSchema.parse(await json(await server.api("/api/admin/retention", { method: "PUT", token: admin, json: { retentionDays: 30 } })));
    expect(saved.policy.retentionDays).toBe(30);
    const audit = await server.core.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "retention.policy_changed")));
    expect(audit.map((a) => a.data)).toEqual([{ before: { retentionDays: null }, after: { retentionDays: 30 } }]);
    expect((await dryRun()).conversations).toBe(0);

    // 31 days later; Rosa's chat was reopened and resolved again meanwhile, Omar's never was.
    server.clock.offsetMs = 31 * DAY_MS;
    admin = await server.login(OWNER.email, OWNER.password);
    await setStatus(recent.id, "open");
    await setStatus(recent.id, "resolved");
    const preview = await dryRun();
    expect(preview).toMatchObject({ retentionDays: 30, conversations: 3, messages: 4, mediaFiles: 1 });
    expect(preview.oldestActivityAt).toBeLessThanOrEqual(preview.newestActivityAt!);
    // A longer policy typed but not saved: nothing would go yet.
    expect((await dryRun(60)).conversations).toBe(0);
    expect((await inWorkspace()).length).toBe(5);

    const report = await runNow();
    expect(report).toMatchObject({ conversations: 3, messages: 4, mediaFiles: 1 });
    expect((await inWorkspace()).sort()).toEqual([recent.id, open.id].sort());
    const ids = old.map((c) => c.id);
    expect(await server.core.db.select().from(messages).where(inArray(messages.conversationId, ids))).toEqual([]);
    expect(await server.core.db.select().from(media).where(eq(media.key, key))).toEqual([]);
    expect(await server.core.blobs.get(key)).toBeNull();
    await server.core.rooms.flush();
    expect(await server.core.db.select().from(docUpdates).where(like(docUpdates.room, `%.${old[0]!.id}`))).toEqual([]);
    // The customers stay (they may write again); their chats' history of events stays too.
    expect(await server.core.db.select().from(contacts).where(inArray(contacts.id, old.map((c) => c.contactId)))).toHaveLength(3);
    expect((await server.core.db.select().from(events).where(inArray(events.conversationId, ids))).length).toBeGreaterThan(0);

    // Devices drop them at their next pull; a first pull is not told of old deletions.
    const delta = await pull(deviceCursor);
    expect(delta.deleted.conversations.sort()).toEqual([...ids].sort());
    expect((await pull()).deleted.conversations).toEqual([]);
    expect(await server.core.db.select({ teamId: deletions.teamId }).from(deletions).where(eq(deletions.workspaceId, workspaceId))).toEqual(Array(3).fill({ teamId }));

    const run = (await server.core.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "retention.run"))))[0]!;
    expect(run).toMatchObject({ actorName: "Rita Owner", data: { trigger: "manual", retentionDays: 30, conversations: 3, messages: 4, mediaFiles: 1, batches: 1 } });
  });

  it("deletes many conversations in batches, one transaction each, and the schedule does it by itself", async () => {
    const { db, writer } = server.core;
    const contactId = newId();
    const at = server.core.now() - 40 * DAY_MS;
    const many = RETENTION_BATCH * 2 + 17;
    await writer.write([db.insert(contacts).values({ id: contactId, workspaceId, name: "Bulk Bea", email: null, phone: null, createdAt: at })]);
    const ids = Array.from({ length: many }, () => newId());
    for (let i = 0; i < many; i += 100) {
      const chunk = ids.slice(i, i + 100);
      await writer.write([
        db.insert(conversations).values(chunk.map((id) => ({ id, workspaceId, inboxId, channel: "webchat", contactId, contactName: "Bulk Bea", teamId, status: "resolved", labels: [], lastActivityAt: at, createdAt: at }))),
        db.insert(messages).values(chunk.map((conversationId) => ({ id: newId(), workspaceId, conversationId, inboxId, direction: "inbound", senderKind: "customer", senderId: contactId, senderName: "Bulk Bea", content: { kind: "text", text: "old" }, text: "old", status: "delivered", createdAt: at }))),
      ]);
    }
    expect((await dryRun()).conversations).toBe(many);

    // Count the transactions that delete conversations while the schedule runs.
    const real = writer.write.bind(writer);
    let deletingCommits = 0;
    writer.write = (statements) => {
      if (statements.some((s) => (s as { toSQL?: () => { sql: string } }).toSQL?.().sql.startsWith('delete from "conversations"'))) deletingCommits++;
      return real(statements);
    };
    try {
      await server.core.retention.runDue(server.core.now());
    } finally {
      writer.write = real;
    }
    expect(deletingCommits).toBe(Math.ceil(many / RETENTION_BATCH));
    expect(await db.select().from(conversations).where(inArray(conversations.id, ids.slice(0, 500)))).toEqual([]);
    const scheduled = await waitFor("the scheduled run's entry", async () => {
      const rows = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "retention.run")));
      return rows.find((r) => (r.data as { trigger?: string }).trigger === "schedule");
    });
    expect(scheduled).toMatchObject({ actorId: null, data: { conversations: many, messages: many, batches: Math.ceil(many / RETENTION_BATCH) } });
  });
});
