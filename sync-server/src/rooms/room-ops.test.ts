import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  BOARD_MAP,
  boardFromEntries,
  readBoard,
  TeamBoardSchema,
  type TeamBoard,
  CONV_MESSAGES,
  CONV_META,
  CONV_META_KEY,
  TEAM_CONVERSATIONS,
  TEAM_INBOXES,
  newId,
  type Conversation,
  type Inbox,
  type Message,
} from "@inbox/shared";
import { USER_NOTIFICATIONS, type Notification } from "@inbox/shared/api/content";
import { applyRoomOp, type RoomOp } from "./room-ops.ts";

const at = 1_700_000_000_000;
const conversation: Conversation = {
  id: newId(),
  workspaceId: newId(),
  inboxId: newId(),
  channel: "webchat",
  contactId: newId(),
  contactName: "Maria",
  teamId: newId(),
  status: "open",
  priority: "normal",
  assigneeId: null,
  snoozedUntil: null,
  labels: [],
  unreadCount: 1,
  lastMessagePreview: "hello",
  firstResponseAt: null,
  lastActivityAt: at,
  createdAt: at,
};
const message: Message = {
  id: newId(),
  conversationId: conversation.id,
  direction: "inbound",
  senderKind: "customer",
  senderId: conversation.contactId,
  senderName: "Maria",
  content: { kind: "text", text: "hello" },
  status: "delivered",
  failureReason: null,
  clientId: "c-1",
  createdAt: at,
  position: 1,
};
const inbox: Inbox = {
  id: conversation.inboxId,
  workspaceId: conversation.workspaceId,
  name: "Site",
  channel: "webchat",
  status: "token_expired",
  teamId: conversation.teamId,
  pausedUntil: null,
  settings: {},
  createdAt: at,
};
const notification: Notification = {
  id: newId(),
  kind: "mention",
  conversationId: conversation.id,
  actorId: newId(),
  actorName: "Ana",
  contactName: "Maria",
  excerpt: "@Bruno look",
  createdAt: at,
  readAt: null,
};

/** The JSON every op travels as between a core and a room on another runtime. */
const overTheWire = (op: RoomOp): RoomOp => JSON.parse(JSON.stringify(op)) as RoomOp;

/** Applies the op as a room would receive it and counts the Yjs updates it produced. */
function apply(doc: Y.Doc, op: RoomOp): number {
  let updates = 0;
  const count = () => updates++;
  doc.on("update", count);
  applyRoomOp(doc, overTheWire(op));
  doc.off("update", count);
  return updates;
}

describe("room ops", () => {
  const cases: Array<{ op: RoomOp; seen: (doc: Y.Doc) => unknown; expected: unknown; before?: RoomOp }> = [
    {
      op: { kind: "team.conversations", conversations: [conversation] },
      seen: (d) => d.getMap(TEAM_CONVERSATIONS).get(conversation.id),
      expected: conversation,
    },
    {
      before: { kind: "team.conversations", conversations: [conversation] },
      op: { kind: "team.conversation.removed", id: conversation.id },
      seen: (d) => d.getMap(TEAM_CONVERSATIONS).has(conversation.id),
      expected: false,
    },
    {
      op: { kind: "team.inbox", inbox },
      seen: (d) => d.getMap(TEAM_INBOXES).get(inbox.id),
      expected: inbox,
    },
    {
      op: { kind: "conv", conversation, messages: [message] },
      seen: (d) => [d.getMap(CONV_META).get(CONV_META_KEY), d.getMap(CONV_MESSAGES).get(message.id)],
      expected: [conversation, message],
    },
    {
      before: { kind: "conv", conversation, messages: [message] },
      op: { kind: "conv", conversation: null, messages: [{ ...message, status: "read" }] },
      seen: (d) => [d.getMap(CONV_META).get(CONV_META_KEY), (d.getMap(CONV_MESSAGES).get(message.id) as Message).status],
      expected: [conversation, "read"],
    },
    {
      op: { kind: "user.notifications", notifications: [notification] },
      seen: (d) => d.getMap(USER_NOTIFICATIONS).get(notification.id),
      expected: notification,
    },
  ];

  for (const { op, seen, expected, before } of cases) {
    it(`${op.kind} writes the record into the room, and again changes nothing`, () => {
      const doc = new Y.Doc();
      if (before) apply(doc, before);
      expect(apply(doc, op)).toBe(1);
      expect(seen(doc)).toEqual(expected);
      const state = Y.encodeStateVector(doc);
      expect(apply(doc, op)).toBe(0);
      expect(Y.encodeStateVector(doc)).toEqual(state);
    });
  }

  it("team.touch writes unchanged conversations again so devices pull (on purpose, every time)", () => {
    const doc = new Y.Doc();
    apply(doc, { kind: "team.conversations", conversations: [conversation] });
    const touch: RoomOp = { kind: "team.touch", conversations: [conversation] };
    expect(apply(doc, touch)).toBe(1);
    expect(apply(doc, touch)).toBe(1);
    expect(doc.getMap(TEAM_CONVERSATIONS).get(conversation.id)).toEqual(conversation);
  });

  it("ops of several kinds in one room keep each other's data", () => {
    const doc = new Y.Doc();
    apply(doc, { kind: "team.conversations", conversations: [conversation, { ...conversation, id: newId() }] });
    apply(doc, { kind: "team.inbox", inbox });
    apply(doc, { kind: "team.conversation.removed", id: conversation.id });
    expect(doc.getMap(TEAM_CONVERSATIONS).size).toBe(1);
    expect(doc.getMap(TEAM_INBOXES).get(inbox.id)).toEqual(inbox);
  });
});

describe("board op", () => {
  const agent = (id: string, load: number) => ({
    id,
    name: `Agent ${id}`,
    availability: "available" as const,
    availabilitySince: at,
    load,
    capacity: 5,
    open: [],
    lastReplyAt: null,
    handledToday: 0,
    medianFirstResponseMs: null,
  });
  const queue = { counts: { open: 0, pending: 0, snoozed: 0, unassigned: 0, offered: 0, waiting: 0, waitingLong: 0, slaAtRisk: 0, slaBreached: 0 }, waiting: [] };
  const board = (at: number, loads: [string, number][]): TeamBoard => ({
    teamId: "t1",
    teamName: "Support",
    at,
    longWaitMs: 300_000,
    team: queue,
    inboxes: [],
    agents: loads.map(([id, load]) => agent(id, load)),
    raisedHands: [],
  });

  it("rewrites only the entries that changed, and reads back as the same board", () => {
    const doc = new Y.Doc();
    applyRoomOp(doc, { kind: "board", board: board(at, [["a", 1], ["b", 2]]) });
    const changed: string[] = [];
    doc.getMap(BOARD_MAP).observe((e) => changed.push(...e.keysChanged));
    const next = board(at + 1000, [["a", 1], ["b", 3]]);
    applyRoomOp(doc, { kind: "board", board: next });
    // One agent's load moved: that card and the head (its time), not the queue or the other card.
    expect(changed.sort()).toEqual(["agent.b", "head"]);
    const map = doc.getMap(BOARD_MAP);
    expect(TeamBoardSchema.parse(boardFromEntries((key) => map.get(key)))).toEqual(next);
    // A chat joining the queue behind the first rows moves its counts only, not the rows sent to every display.
    const row = { position: 1, conversationId: "c1", inboxId: "i1", contactName: "Carla", channel: "webchat" as const, priority: "normal" as const, vip: false, waitingSince: at, offeredTo: null, offeredAt: null, sla: null };
    const withQueue = (waiting: number): TeamBoard => {
      const q = { counts: { ...queue.counts, open: waiting, unassigned: waiting, waiting }, waiting: [row] };
      return { ...next, team: q, inboxes: [{ inboxId: "i1", name: "Site", channel: "webchat", ...q }] };
    };
    applyRoomOp(doc, { kind: "board", board: withQueue(1) });
    changed.length = 0;
    applyRoomOp(doc, { kind: "board", board: withQueue(2) });
    expect(changed.sort()).toEqual(["inbox.i1.counts", "team.counts"]);
    expect(TeamBoardSchema.parse(boardFromEntries((key) => map.get(key)))).toEqual(withQueue(2));
    // An agent who left the team leaves the room's entries too.
    applyRoomOp(doc, { kind: "board", board: board(at + 2000, [["a", 1]]) });
    expect(map.has("agent.b")).toBe(false);
    expect(TeamBoardSchema.parse(boardFromEntries((key) => map.get(key))).agents.map((a) => a.id)).toEqual(["a"]);
  });

  it("reads the board a display shows, validating again only the entries an update rewrote", () => {
    const doc = new Y.Doc();
    const map = doc.getMap(BOARD_MAP);
    const memo = new WeakMap<object, unknown>();
    expect(readBoard((key) => map.get(key), memo)).toBeNull();
    applyRoomOp(doc, { kind: "board", board: board(at, [["a", 1], ["b", 2]]) });
    const first = readBoard((key) => map.get(key), memo)!;
    expect(first).toEqual(board(at, [["a", 1], ["b", 2]]));
    applyRoomOp(doc, { kind: "board", board: board(at + 1000, [["a", 1], ["b", 3]]) });
    const second = readBoard((key) => map.get(key), memo)!;
    expect(second.agents.map((a) => a.load)).toEqual([1, 3]);
    // Agent a's card was not rewritten: the same validated object, not parsed again.
    expect(second.agents[0]).toBe(first.agents[0]);
    expect(second.agents[1]).not.toBe(first.agents[1]);
    // An entry that is not a board's (an older server, a bad write) yields no board rather than a broken one.
    doc.transact(() => map.set("agent.b", { id: "b", load: "many" }));
    expect(readBoard((key) => map.get(key), memo)).toBeNull();
  });
});
