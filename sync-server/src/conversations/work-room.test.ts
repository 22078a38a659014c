import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import type { Conversation, Note } from "@inbox/shared";
import { eq } from "drizzle-orm";
import { docUpdates } from "../db/schema.ts";
import { agentSocket, bearerWebSocket, startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { WORK_LIMITS } from "./work-update-guard.ts";

let server: TestServer;
let conv: Conversation;
let ana: { token: string; id: string };
let sam: { token: string; id: string };
beforeAll(async () => {
  server = await startTestServer();
  const login = async (email: string) => {
    const res = await server.api("/api/auth/login", { method: "POST", json: { email, password: "test-password-1" } });
    const body = (await res.json()) as { token: string; user: { id: string } };
    return { token: body.token, id: body.user.id };
  };
  ana = await login("ana@demo.inbox");
  sam = await login("supervisor@demo.inbox");
  const list = (await (await server.api("/api/conversations", { token: ana.token })).json()) as { conversations: Conversation[] };
  conv = list.conversations.find((c) => c.contactName === "Maria Oliveira")!;
});
afterAll(() => server.stop());

function connect(doc: Y.Doc, token: string): WebsocketProvider {
  return new WebsocketProvider(server.url.replace("http", "ws") + "/sync", `work.${conv.id}`, doc, {
    WebSocketPolyfill: bearerWebSocket(token),
    disableBc: true,
  });
}

function note(author: { id: string }, text: string): Note {
  return { id: crypto.randomUUID(), conversationId: conv.id, authorId: author.id, authorName: "x", text, createdAt: Date.now() };
}

describe("a conversation's work room: notes, labels and the shared draft", () => {
  it("two agents who edited while offline converge when they reconnect, and the server records it", async () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = connect(docA, ana.token);
    const b = connect(docB, sam.token);
    await waitFor("both synced", () => a.synced && b.synced);
    docA.getText("draft").insert(0, "Hello Maria, ");
    await waitFor("draft shared", () => docB.getText("draft").toString() === "Hello Maria, ");

    // Both go offline and keep working.
    a.disconnect();
    b.disconnect();
    const na = note(ana, "Customer is a VIP, be quick @Sam");
    const nb = note(sam, "Order #1043 left the warehouse late");
    docA.getMap("notes").set(na.id, na);
    docA.getMap("labels").set("vip", true);
    docA.getText("draft").insert(docA.getText("draft").length, "your order ships today.");
    docB.getMap("notes").set(nb.id, nb);
    docB.getMap("labels").set("shipping", true);
    docB.getText("draft").insert(0, "[B] ");

    a.connect();
    b.connect();
    await waitFor("converged", () => docA.getMap("notes").size === 2 && docB.getMap("notes").size === 2 && docA.getText("draft").toString() === docB.getText("draft").toString() && docA.getMap("labels").size === 2 && docB.getMap("labels").size === 2);
    expect(docA.getText("draft").toString()).toContain("your order ships today.");
    expect(docA.getText("draft").toString()).toContain("[B]");

    // The record: labels mirrored into the conversation (so lists can filter), notes as events.
    await waitFor("labels mirrored", async () => {
      const row = await server.core.db.query.conversations.findFirst({ where: (c, { eq }) => eq(c.id, conv.id) });
      return JSON.stringify(row?.labels) === JSON.stringify(["shipping", "vip"]);
    });
    const events = await waitFor("note events", async () => {
      const rows = await server.core.db.query.events.findMany({ where: (e, { and, eq }) => and(eq(e.conversationId, conv.id), eq(e.type, "note.added")) });
      return rows.length === 2 && rows;
    });
    expect(events.map((e) => e.actorId).sort()).toEqual([ana.id, sam.id].sort());
    expect(events.find((e) => e.actorId === ana.id)!.data).toMatchObject({ mentions: ["Sam"] });
    a.destroy();
    b.destroy();
  });

  it("a note signed with someone else's name is removed again", async () => {
    const doc = new Y.Doc();
    const p = connect(doc, ana.token);
    await waitFor("synced", () => p.synced);
    const forged = note(sam, "I, Sam, approve a full refund");
    doc.getMap("notes").set(forged.id, forged);
    await waitFor("forged note removed", () => !doc.getMap("notes").has(forged.id));
    p.destroy();
  });

  it("is closed to agents outside the conversation's team", async () => {
    const bruno = await server.login("bruno@demo.inbox");
    await expect(agentSocket(`${server.url.replace("http", "ws")}/sync/work.${conv.id}`, bruno)).rejects.toThrow(/403/);
  });
});

/** Every close code the provider's socket saw. */
function closeCodes(p: WebsocketProvider): number[] {
  const codes: number[] = [];
  p.on("connection-close", (event) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

async function events(type: string): Promise<{ actorId: string | null; data: unknown }[]> {
  return server.core.db.query.events.findMany({ where: (e, { and, eq }) => and(eq(e.conversationId, conv.id), eq(e.type, type)) });
}

describe("who may change a note", () => {
  it("an agent cannot rewrite or delete a supervisor's note: the server puts it back for everyone, and records nothing", async () => {
    const anaDoc = new Y.Doc();
    const samDoc = new Y.Doc();
    const a = connect(anaDoc, ana.token);
    const b = connect(samDoc, sam.token);
    await waitFor("synced", () => a.synced && b.synced);
    const original = { ...note(sam, "Do not refund before the item is back"), authorName: "Sam" };
    samDoc.getMap("notes").set(original.id, original);
    await waitFor("note shared", () => anaDoc.getMap("notes").has(original.id));

    // Overwritten under Sam's name: back to Sam's words, on Ana's screen too.
    anaDoc.getMap("notes").set(original.id, { ...original, text: "Refund at once, no need to wait" });
    await waitFor("the overwrite put back", () => (anaDoc.getMap("notes").get(original.id) as Note).text === original.text);
    // Deleted: back again.
    anaDoc.getMap("notes").delete(original.id);
    await waitFor("the deletion put back", () => (anaDoc.getMap("notes").get(original.id) as Note | undefined)?.text === original.text);
    expect((samDoc.getMap("notes").get(original.id) as Note).text).toBe(original.text);
    // Ana may not sign her own note with Sam's name by editing it either.
    const own = note(ana, "Called the customer");
    anaDoc.getMap("notes").set(own.id, own);
    await waitFor("own note shared", () => samDoc.getMap("notes").has(own.id));
    anaDoc.getMap("notes").set(own.id, { ...own, authorId: sam.id, text: "Sam says: refund" });
    await waitFor("the re-signed note put back", () => (anaDoc.getMap("notes").get(own.id) as Note).authorId === ana.id);

    expect((await events("note.edited")).filter((e) => e.actorId === ana.id)).toEqual([]);
    expect((await events("note.deleted")).filter((e) => e.actorId === ana.id)).toEqual([]);
    a.destroy();
    b.destroy();
  });

  it("the author and a supervisor may edit and delete a note; each change is an event naming who made it", async () => {
    const anaDoc = new Y.Doc();
    const samDoc = new Y.Doc();
    const a = connect(anaDoc, ana.token);
    const b = connect(samDoc, sam.token);
    await waitFor("synced", () => a.synced && b.synced);
    const mine = note(ana, "Customer prefers email");
    anaDoc.getMap("notes").set(mine.id, mine);
    anaDoc.getMap("notes").set(mine.id, { ...mine, text: "Customer prefers email, not phone" });
    await waitFor("Ana's edit shared", () => (samDoc.getMap("notes").get(mine.id) as Note | undefined)?.text === "Customer prefers email, not phone");
    samDoc.getMap("notes").set(mine.id, { ...mine, text: "Customer prefers email (verified)" });
    await waitFor("Sam's edit shared", () => (anaDoc.getMap("notes").get(mine.id) as Note | undefined)?.text === "Customer prefers email (verified)");
    samDoc.getMap("notes").delete(mine.id);
    await waitFor("deleted for Ana", () => !anaDoc.getMap("notes").has(mine.id));

    const edits = await waitFor("edit events", async () => {
      const rows = (await events("note.edited")).filter((e) => (e.data as { noteId: string }).noteId === mine.id);
      return rows.length === 2 && rows;
    });
    expect(edits.map((e) => e.actorId).sort()).toEqual([ana.id, sam.id].sort());
    expect(edits.every((e) => (e.data as { authorId: string }).authorId === ana.id)).toBe(true);
    const deleted = await waitFor("delete event", async () => (await events("note.deleted")).find((e) => (e.data as { noteId: string }).noteId === mine.id));
    expect(deleted).toMatchObject({ actorId: sam.id, data: { noteId: mine.id, authorId: ana.id } });
    a.destroy();
    b.destroy();
  });
});

describe("what a work room holds", () => {
  it("refuses a 50,000-character label before it is applied: the socket closes and nothing reaches the conversation or the log", async () => {
    const doc = new Y.Doc();
    const p = connect(doc, ana.token);
    let closed: number | null = null;
    p.on("closed", ({ code }) => (closed = code));
    await waitFor("synced", () => p.synced);
    const huge = "L".repeat(50_000);
    doc.getMap("labels").set(huge, true);
    await waitFor("the socket refused", () => closed !== null);
    expect(closed).toBe(4413);
    await server.core.rooms.flush();
    const room = server.core.rooms.get(`work.${conv.id}`);
    expect(room?.doc.getMap("labels").has(huge) ?? false).toBe(false);
    const row = await server.core.db.query.conversations.findFirst({ where: (c, { eq }) => eq(c.id, conv.id) });
    expect(row!.labels.some((l) => l.length > WORK_LIMITS.labelChars)).toBe(false);
    const logged = await server.core.db.select().from(docUpdates).where(eq(docUpdates.room, `work.${conv.id}`));
    expect(logged.every((u) => u.update.byteLength < 50_000)).toBe(true);
    p.destroy();
  });

  it("takes back labels that are too long or too many, and a draft past its limit", async () => {
    const doc = new Y.Doc();
    const watcher = new Y.Doc();
    const p = connect(doc, ana.token);
    const w = connect(watcher, sam.token);
    await waitFor("synced", () => p.synced && w.synced);
    const labels = doc.getMap("labels");
    labels.set("x".repeat(WORK_LIMITS.labelChars + 1), true);
    await waitFor("the long label taken back", () => labels.size === watcher.getMap("labels").size && ![...labels.keys()].some((k) => k.length > WORK_LIMITS.labelChars));

    const present = [...labels.keys()].filter((k) => labels.get(k) === true).length;
    doc.transact(() => {
      for (let i = 0; i <= WORK_LIMITS.labels - present; i++) labels.set(`bulk-${i}`, true);
    });
    await waitFor("the batch taken back", () => ![...labels.keys()].some((k) => k.startsWith("bulk-")));
    expect([...watcher.getMap("labels").keys()].some((k) => k.startsWith("bulk-"))).toBe(false);

    const draft = doc.getText("draft");
    const fill = WORK_LIMITS.draftChars - draft.length - 10;
    draft.insert(draft.length, "a".repeat(fill));
    await waitFor("draft shared", () => watcher.getText("draft").length === draft.length);
    draft.insert(draft.length, "b".repeat(100));
    await waitFor("the overflow taken back", () => watcher.getText("draft").length === draft.length && draft.length <= WORK_LIMITS.draftChars);
    expect(draft.toString()).not.toContain("b");
    draft.delete(0, draft.length);
    await waitFor("draft cleared", () => watcher.getText("draft").length === 0);
    p.destroy();
    w.destroy();
  });

  it("refuses a 1 MB update at the transport, and anything but notes, labels and the draft", async () => {
    const bigDoc = new Y.Doc();
    const big = connect(bigDoc, ana.token);
    const codes = closeCodes(big);
    await waitFor("synced", () => big.synced);
    bigDoc.getMap("junk").set("blob", "x".repeat(1_000_000));
    await waitFor("refused by the transport", () => codes.includes(1009));
    big.destroy();

    const odd = new Y.Doc();
    const p = connect(odd, ana.token);
    let closed: number | null = null;
    p.on("closed", ({ code }) => (closed = code));
    await waitFor("synced", () => p.synced);
    odd.getMap("junk").set("blob", "x".repeat(100_000));
    await waitFor("refused by the room", () => closed !== null);
    expect(closed).toBe(4413);
    p.destroy();

    await server.core.rooms.flush();
    expect(server.core.rooms.get(`work.${conv.id}`)?.doc.share.has("junk") ?? false).toBe(false);
    const logged = await server.core.db.select().from(docUpdates).where(eq(docUpdates.room, `work.${conv.id}`));
    expect(logged.every((u) => u.update.byteLength < 100_000)).toBe(true);
  });
});
