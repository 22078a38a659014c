import { describe, expect, it } from "vitest";
import { conversation } from "../test/fixtures.ts";
import { countByFilter, mergeConversationSources, visibleConversations } from "./conversation-list.ts";

describe("mergeConversationSources", () => {
  it("takes a synced team room as the truth and REST only for teams not synced yet", () => {
    const rest = [
      conversation({ id: "a", teamId: "t1", unreadCount: 1 }),
      conversation({ id: "gone", teamId: "t1" }),
      conversation({ id: "b", teamId: "t2" }),
    ];
    const merged = mergeConversationSources(rest, [
      { teamId: "t1", synced: true, conversations: [conversation({ id: "a", teamId: "t1", unreadCount: 4 })] },
      { teamId: "t2", synced: false, conversations: [] },
    ]);
    expect(merged.map((c) => [c.id, c.unreadCount])).toEqual([
      ["a", 4],
      ["b", 0],
    ]);
  });

  it("keeps the newer copy of a conversation present in two rooms", () => {
    const merged = mergeConversationSources(null, [
      { teamId: "t1", synced: true, conversations: [conversation({ id: "a", teamId: "t1", lastActivityAt: 5 })] },
      { teamId: "t2", synced: true, conversations: [conversation({ id: "a", teamId: "t2", lastActivityAt: 9 })] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.teamId).toBe("t2");
  });

  it("ignores REST rows of teams the user has no room for", () => {
    expect(mergeConversationSources([conversation({ teamId: "other" })], [])).toEqual([]);
  });
});

describe("visibleConversations", () => {
  const list = [
    conversation({ id: "old-mine", assigneeId: "me", lastActivityAt: 1 }),
    conversation({ id: "new-mine", assigneeId: "me", lastActivityAt: 9 }),
    conversation({ id: "unassigned", assigneeId: null, lastActivityAt: 5 }),
    conversation({ id: "resolved", assigneeId: null, status: "resolved", lastActivityAt: 7 }),
    conversation({ id: "theirs", assigneeId: "u2", lastActivityAt: 3 }),
  ];

  it("filters with the shared rule and sorts newest activity first", () => {
    expect(visibleConversations(list, "mine", "me").map((c) => c.id)).toEqual(["new-mine", "old-mine"]);
    expect(visibleConversations(list, "unassigned", "me").map((c) => c.id)).toEqual(["unassigned"]);
    expect(visibleConversations(list, "all", "me").map((c) => c.id)).toEqual([
      "new-mine",
      "resolved",
      "unassigned",
      "theirs",
      "old-mine",
    ]);
  });

  it("breaks ties by id so every client shows the same order", () => {
    const tied = [conversation({ id: "b", lastActivityAt: 1 }), conversation({ id: "a", lastActivityAt: 1 })];
    expect(visibleConversations(tied, "all", "me").map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("does not reorder its input", () => {
    const input = [conversation({ id: "x", lastActivityAt: 1 }), conversation({ id: "y", lastActivityAt: 2 })];
    visibleConversations(input, "all", "me");
    expect(input.map((c) => c.id)).toEqual(["x", "y"]);
  });

  it("counts each tab", () => {
    expect(countByFilter(list, "me")).toEqual({ mine: 2, unassigned: 1, all: 5 });
  });
});
