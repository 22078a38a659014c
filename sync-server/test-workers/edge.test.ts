import { abortAllDurableObjects, env, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { TEAM_CONVERSATIONS, WORK_DRAFT, WORK_LABELS, type Conversation } from "@inbox/shared";
import type { RoomObject } from "../src/worker/room-object.ts";
import type { DurableObjectNamespace, DurableObjectState } from "../src/worker/cf-types.ts";
import type { Env } from "../src/worker/env.ts";
import { command, connect as connectAs, db, e, postWebhook, signIn, teamOfInbox, telegramUpdate } from "./edge-env.ts";
import { eventually, type YClient } from "./y-client.ts";

// The Workers build end to end inside workerd: the Worker, its Durable Objects and R2 from
// miniflare; libSQL is a real sqld and Telegram's API a fake on loopback (global-setup.ts).

const ROOMS = (env as unknown as { ROOMS: DurableObjectNamespace }).ROOMS;

let token: string;
let teamId: string;

beforeAll(async () => {
  token = await signIn();
  teamId = await teamOfInbox(e.TELEGRAM_INBOX_ID);
});

const connect = (room: string): Promise<YClient> => connectAs(room, token);

async function roomUpdatesInLibsql(room: string): Promise<number> {
  return Number((await db.execute({ sql: "select count(*) from doc_updates where room = ?", args: [room] })).rows[0]![0]);
}

describe("the Workers build", () => {
  let conversation: Conversation;

  it("stores a signed webhook before answering 200, shows it live to a connected agent, and sends the agent's reply to the platform", async () => {
    const agent = await connect(`team.${teamId}`);
    const list = agent.doc.getMap<Conversation>(TEAM_CONVERSATIONS);
    const text = `Hello from the edge ${crypto.randomUUID()}`;

    const forged = await postWebhook(telegramUpdate(5550001, { text: "forged" }), "wrong-secret");
    expect(forged.status).toBe(401);

    const res = await postWebhook(telegramUpdate(5550001, { text }));
    expect(res.status).toBe(200);
    // Stored before the answer: the row is in libSQL the moment the 200 is here.
    const stored = await db.execute({ sql: "select body from webhook_events where inbox_id = ? and body like ?", args: [e.TELEGRAM_INBOX_ID, `%${text}%`] });
    expect(stored.rows).toHaveLength(1);
    const forgedRows = await db.execute({ sql: "select count(*) from webhook_events where body like '%forged%'", args: [] });
    expect(Number(forgedRows.rows[0]![0])).toBe(0);

    conversation = await eventually(() => [...list.values()].find((c) => c.lastMessagePreview === text));
    expect(conversation).toMatchObject({ channel: "telegram", contactName: "Edge" });

    const reply = `We are on it ${crypto.randomUUID()}`;
    await command(token, [{ type: "reply", clientId: crypto.randomUUID(), conversationId: conversation.id, text: reply }]);
    const delivered = await eventually(async () => {
      const sends = (await (await fetch(`${e.TELEGRAM_API}/__sent`)).json()) as { chat_id: unknown; text: string }[];
      return sends.find((s) => s.text === reply);
    });
    expect(String(delivered.chat_id)).toBe("5550001");
    // …and the list shows the reply as the latest message, live.
    await eventually(() => list.get(conversation.id)?.lastMessagePreview === reply);
    agent.close();
  });

  it("a room woken after hibernation is rebuilt from its object's storage and talks to the sockets that stayed open", async () => {
    const room = `work.${conversation.id}`;
    const agent = await connect(room);
    agent.doc.getText(WORK_DRAFT).insert(0, "draft written at the edge");
    await eventually(async () => (await roomUpdatesInLibsql(room)) > 0);
    // Without libSQL's copy, only the object's own storage can bring the draft back.
    await db.execute({ sql: "delete from doc_updates where room = ?", args: [room] });

    const stub = ROOMS.get(ROOMS.idFromName(room));
    const framesBefore = agent.frames;
    const woken = await runInDurableObject(stub, async (_instance: RoomObject, state: DurableObjectState) => {
      // What the runtime does after hibernation: a new instance over the same state and sockets.
      const { RoomObject } = await import("../src/worker/room-object.ts");
      const fresh = new RoomObject(state, env as unknown as Env);
      await (fresh as unknown as { ready: Promise<void> }).ready;
      const inner = fresh as unknown as { room: { doc: { getText(n: string): { toString(): string } } }; peers: Map<unknown, unknown> };
      return { draft: inner.room.doc.getText(WORK_DRAFT).toString(), peers: inner.peers.size, sockets: state.getWebSockets().length };
    });
    expect(woken).toEqual({ draft: "draft written at the edge", peers: 1, sockets: 1 });
    // The woken room greeted the socket it re-attached (sync step 1).
    await eventually(() => agent.frames > framesBefore);
    agent.close();
  });

  it("a Durable Object restart loses nothing: after eviction the room comes back from storage, and from libSQL when the storage is gone", async () => {
    const room = `work.${conversation.id}`;
    const writer = await connect(room);
    await eventually(() => writer.doc.getText(WORK_DRAFT).toString() === "draft written at the edge");
    // A change that stands on its own (the earlier draft's libSQL rows were removed above).
    writer.doc.getMap(WORK_LABELS).set("vip-followup", true);
    await eventually(async () => (await roomUpdatesInLibsql(room)) > 0);

    await abortAllDurableObjects();
    const afterRestart = await connect(room);
    await eventually(() => afterRestart.doc.getText(WORK_DRAFT).toString() === "draft written at the edge" && afterRestart.doc.getMap(WORK_LABELS).get("vip-followup") === true);
    afterRestart.close();

    // A moved object starts with empty storage: libSQL's write-through copy has the room.
    const stub = ROOMS.get(ROOMS.idFromName(room));
    await runInDurableObject(stub, (_instance: RoomObject, state: DurableObjectState) => state.storage.deleteAll());
    await abortAllDurableObjects();
    const afterMove = await connect(room);
    await eventually(() => afterMove.doc.getMap(WORK_LABELS).get("vip-followup") === true);
    afterMove.close();
  });
});
