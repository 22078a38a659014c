import { describe, expect, it } from "vitest";
import { colleaguesByConversation, localPresence } from "./presence.ts";

const state = (id: string, name: string, conversationId: string, activity: string) => ({ user: { id, name }, conversationId, activity });

describe("presence", () => {
  it("lists colleagues per conversation, one entry per person with what they do most visibly, never me", () => {
    const states: [number, unknown][] = [
      [1, state("me", "Me", "c1", "reply")],
      [2, state("ana", "Ana Souza", "c1", "viewing")],
      [3, state("ana", "Ana Souza", "c1", "reply")], // Ana's second tab
      [4, state("bruno", "Bruno Lima", "c1", "note")],
      [5, state("sam", "Sam Supervisor", "c2", "viewing")],
      [6, {}], // a client that has not said anything yet
      [7, { user: { id: "x" }, conversationId: "c1", activity: "shouting" }], // not presence
    ];
    const by = colleaguesByConversation(states, "me");
    expect(by.get("c1")).toEqual([
      { userId: "ana", name: "Ana Souza", activity: "reply" },
      { userId: "bruno", name: "Bruno Lima", activity: "note" },
    ]);
    expect(by.get("c2")).toEqual([{ userId: "sam", name: "Sam Supervisor", activity: "viewing" }]);
    expect(by.has("c3")).toBe(false);
  });

  it("says where I am only in the open conversation's team room, typing only for that conversation", () => {
    const me = { id: "me", name: "Me" };
    const open = { id: "c1", teamId: "t1" };
    expect(localPresence(me, open, null, "t1")).toEqual({ user: me, conversationId: "c1", activity: "viewing" });
    expect(localPresence(me, open, { conversationId: "c1", kind: "note" }, "t1")?.activity).toBe("note");
    expect(localPresence(me, open, { conversationId: "other", kind: "reply" }, "t1")?.activity).toBe("viewing");
    expect(localPresence(me, open, null, "t2")).toBeNull();
    expect(localPresence(me, null, null, "t1")).toBeNull();
    expect(localPresence(null, open, null, "t1")).toBeNull();
  });
});
