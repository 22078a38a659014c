import { describe, expect, it } from "vitest";
import { message } from "../../test/fixtures.ts";
import type { DomainEvent } from "@inbox/shared";
import { pendingMessage } from "../../sync/pending.ts";
import { countNewSince, createTimelineItems, firstUnreadId, linkChoiceAnswers, mergeTimeline, messageSide, startsNewDay } from "./timeline.ts";

describe("mergeTimeline", () => {
  it("orders by arrival in the conversation, and lets the live room win over REST", () => {
    const rest = [message({ id: "b", position: 3, status: "sent" }), message({ id: "a", position: 2 })];
    const live = [message({ id: "b", position: 3, status: "read" }), message({ id: "c", position: 1 })];
    const out = mergeTimeline(rest, live, []);
    expect(out.map((m) => m.id)).toEqual(["c", "a", "b"]);
    expect(out.find((m) => m.id === "b")?.status).toBe("read");
  });

  it("keeps messages sent in the same second in the order they arrived, whatever their ids", () => {
    // WhatsApp times have one-second resolution; ids are random.
    const parts = [6, 2, 5, 1, 3, 4].map((n) => message({ id: `id-${"qazwsx"[n - 1]}`, createdAt: 1_700_000_000_000, position: n, content: { kind: "text", text: `parte ${n}` } }));
    const out = mergeTimeline(parts.slice(0, 3), parts.slice(3), []);
    expect(out.map((m) => (m.content.kind === "text" ? m.content.text : ""))).toEqual(["parte 1", "parte 2", "parte 3", "parte 4", "parte 5", "parte 6"]);
  });

  it("shows a pending send until a message with its clientId arrives", () => {
    const pending = pendingMessage({
      conversationId: "c1",
      clientId: "client-123",
      text: "Hi",
      senderId: "u1",
      senderName: "Ana",
      now: 50,
    });
    expect(mergeTimeline([], [], [pending]).map((m) => m.status)).toEqual(["queued"]);
    const echoed = message({ id: "real", clientId: "client-123", direction: "outbound", senderKind: "agent", createdAt: 51 });
    expect(mergeTimeline([], [echoed], [pending]).map((m) => m.id)).toEqual(["real"]);
  });

  it("keeps the server's copy over a locally remembered one with the same id", () => {
    const local = message({ id: "real", status: "sent", clientId: "client-123" });
    const live = message({ id: "real", status: "delivered", clientId: "client-123" });
    expect(mergeTimeline([], [live], [local])).toEqual([live]);
  });
});

describe("messageSide", () => {
  it("puts customers left, agents and bots right, system centred", () => {
    expect(messageSide({ senderKind: "customer" })).toBe("left");
    expect(messageSide({ senderKind: "agent" })).toBe("right");
    expect(messageSide({ senderKind: "bot" })).toBe("right");
    expect(messageSide({ senderKind: "system" })).toBe("center");
  });
});

describe("firstUnreadId", () => {
  const timeline = [
    message({ id: "c1", senderKind: "customer", createdAt: 1 }),
    message({ id: "c2", senderKind: "customer", createdAt: 2 }),
    message({ id: "a1", senderKind: "agent", direction: "outbound", createdAt: 3 }),
    message({ id: "c3", senderKind: "customer", createdAt: 4 }),
  ];

  it("marks the oldest of the last N customer messages", () => {
    expect(firstUnreadId(timeline, 1)).toBe("c3");
    expect(firstUnreadId(timeline, 2)).toBe("c2");
    expect(firstUnreadId(timeline, 10)).toBe("c1");
  });

  it("marks nothing when nothing is unread", () => {
    expect(firstUnreadId(timeline, 0)).toBeNull();
  });
});

describe("startsNewDay", () => {
  it("is true for the first message and wherever the day key changes", () => {
    const list = [message({ createdAt: 1 }), message({ createdAt: 2 }), message({ createdAt: 100 })];
    const key = (t: number) => (t < 50 ? "d1" : "d2");
    expect(list.map((_, i) => startsNewDay(list, i, key))).toEqual([true, false, true]);
  });
});

describe("createTimelineItems", () => {
  const note = (id: string, createdAt: number) => ({ id, conversationId: "c1", authorId: "u1", authorName: "Ana", text: `note ${id}`, createdAt });

  it("weaves internal notes between messages by time", () => {
    const items = createTimelineItems()(
      [message({ id: "m1", createdAt: 10 }), message({ id: "m2", createdAt: 30 })],
      [note("n1", 20), note("n2", 40)],
    );
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual(["message:m1", "note:note-n1", "message:m2", "note:note-n2"]);
  });

  it("gives the same object the same item, so rows are not re-rendered", () => {
    const items = createTimelineItems();
    const m = message({ id: "m1" });
    expect(items([m], [])[0]).toBe(items([m], [])[0]);
  });
});

describe("history events in the timeline", () => {
  const event = (id: string, at: number): DomainEvent => ({ id, workspaceId: "w1", type: "conversation.assigned", conversationId: "c1", actorKind: "system", actorId: null, data: {}, at });

  it("weaves events by time, before a message recorded at the same instant", () => {
    const items = createTimelineItems()([message({ id: "m1", createdAt: 10 }), message({ id: "m2", createdAt: 30 })], [], [event("e1", 30), event("e2", 50)]);
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual(["message:m1", "event:event-e1", "message:m2", "event:event-e2"]);
  });
});

describe("linkChoiceAnswers", () => {
  const offer = message({
    id: "q1",
    createdAt: 10,
    direction: "outbound",
    senderKind: "bot",
    content: { kind: "quick_replies", text: "How can we help?", replies: [{ id: "billing", title: "Billing" }, { id: "tech", title: "Tech support" }] },
  });

  it("links the customer's tap (its title as text) to the offer and marks the chosen reply", () => {
    const answer = message({ id: "a1", createdAt: 20, content: { kind: "text", text: " tech  SUPPORT" } });
    const later = message({ id: "a2", createdAt: 30, content: { kind: "text", text: "Billing" } });
    const { answers, chosen } = linkChoiceAnswers([offer, answer, later]);
    expect(answers.get("a1")).toEqual({ questionId: "q1", question: "How can we help?", choiceId: "tech" });
    expect(answers.has("a2")).toBe(false); // the offer was answered already
    expect(chosen.get("q1")).toBe("tech");
  });

  it("links nothing when the customer wrote something else", () => {
    const other = message({ id: "a1", createdAt: 20, content: { kind: "text", text: "hello?" } });
    expect(linkChoiceAnswers([offer, other]).answers.size).toBe(0);
  });

  it("uses the tapped choice's id when the channel sends it (two choices may share a title)", () => {
    const ask = message({
      id: "q2",
      createdAt: 10,
      direction: "outbound",
      senderKind: "agent",
      content: { kind: "buttons", text: "Which order?", buttons: [{ id: "order-1", title: "Shoes" }, { id: "order-2", title: "Shoes" }] },
    });
    const tap = message({ id: "a3", createdAt: 20, content: { kind: "text", text: "Shoes", replyTo: { choiceId: "order-2" } } });
    const { answers, chosen } = linkChoiceAnswers([ask, tap]);
    expect(answers.get("a3")).toEqual({ questionId: "q2", question: "Which order?", choiceId: "order-2" });
    expect(chosen.get("q2")).toBe("order-2");
    // An id the offer does not have (an older offer's, say) falls back to the title.
    const stale = message({ id: "a4", createdAt: 20, content: { kind: "text", text: "Shoes", replyTo: { choiceId: "gone" } } });
    expect(linkChoiceAnswers([ask, stale]).chosen.get("q2")).toBe("order-1");
  });
});

describe("countNewSince", () => {
  it("counts messages after the last one seen, not the agent's own sends", () => {
    const toItems = createTimelineItems();
    const own = message({ id: "m3", createdAt: 3, senderKind: "agent", direction: "outbound" });
    const items = toItems([message({ id: "m1", createdAt: 1 }), message({ id: "m2", createdAt: 2 }), own, message({ id: "m4", createdAt: 4 })], []);
    expect(countNewSince(items, "m1", (m) => m.senderKind === "agent")).toBe(2);
    expect(countNewSince(items, "gone", () => false)).toBe(0);
  });
});
