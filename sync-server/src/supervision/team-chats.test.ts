import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byQueueOrder, isWaiting, type BoardConversation } from "@inbox/shared";
import { TeamChats } from "./team-chats.ts";

const chat = (id: string, over: Partial<BoardConversation> = {}): BoardConversation => ({
  id,
  inboxId: "inbox-1",
  channel: "webchat",
  contactName: `Customer ${id}`,
  status: "open",
  priority: "normal",
  vip: false,
  assigneeId: null,
  offeredTo: null,
  offeredAt: null,
  waitingSince: null,
  createdAt: 1_000,
  helpRequestedAt: null,
  helpRequestedBy: null,
  sla: null,
  ...over,
});

describe("a team's chats with the queue kept in order", () => {
  it("puts an urgent chat first and takes an assigned one out of the queue", () => {
    const chats = new TeamChats([chat("a", { createdAt: 1 }), chat("b", { createdAt: 2 }), chat("c", { createdAt: 3 })]);
    expect(chats.waiting().map((c) => c.id)).toEqual(["a", "b", "c"]);
    chats.set(chat("c", { createdAt: 3, priority: "urgent" }));
    chats.set(chat("a", { createdAt: 1, assigneeId: "ana" }));
    expect(chats.waiting().map((c) => c.id)).toEqual(["c", "b"]);
    // Still one of the team's chats, in the place it had.
    expect([...chats.values()].map((c) => c.id)).toEqual(["a", "b", "c"]);
    chats.delete("b");
    expect(chats.waiting().map((c) => c.id)).toEqual(["c"]);
    expect(chats.size).toBe(2);
  });

  it("after any changes, holds what sorting the waiting chats from scratch gives", () => {
    const change = fc.record({
      id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
      remove: fc.boolean(),
      status: fc.constantFrom("open", "pending", "snoozed"),
      priority: fc.constantFrom("urgent", "high", "normal", "low"),
      vip: fc.boolean(),
      assigned: fc.boolean(),
      createdAt: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const chats = new TeamChats();
        const naive = new Map<string, BoardConversation>();
        for (const c of changes) {
          if (c.remove) {
            chats.delete(c.id);
            naive.delete(c.id);
            continue;
          }
          const next = chat(c.id, { status: c.status as BoardConversation["status"], priority: c.priority as BoardConversation["priority"], vip: c.vip, assigneeId: c.assigned ? "ana" : null, createdAt: c.createdAt });
          chats.set(next);
          naive.set(c.id, next);
        }
        expect(chats.waiting()).toEqual([...naive.values()].filter(isWaiting).sort(byQueueOrder));
        expect(chats.size).toBe(naive.size);
      }),
    );
  });
});
