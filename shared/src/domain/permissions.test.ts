import { describe, expect, it } from "vitest";
import { BUILT_IN_PERMISSIONS, can, canSeeConversation, type ConversationScope } from "./permissions.ts";
import { canSuperviseTeam, seesTeamList } from "./user.ts";

const viewer = (conversations: ConversationScope) => ({ id: "me", role: "agent" as const, teamIds: ["support"], permissions: { ...BUILT_IN_PERMISSIONS.agent, conversations } });
const chat = (teamId: string, assigneeId: string | null) => ({ teamId, assigneeId });

describe("who sees which conversation", () => {
  it("follows the role's scope: all, the teams, their own and the queue, or only their own", () => {
    const cases = [chat("support", "me"), chat("support", null), chat("support", "someone"), chat("sales", null), chat("sales", "me")];
    const seen = (scope: ConversationScope) => cases.map((c) => canSeeConversation(viewer(scope), c));
    expect(seen("all")).toEqual([true, true, true, true, true]);
    expect(seen("teams")).toEqual([true, true, true, false, false]);
    expect(seen("assigned_or_unassigned")).toEqual([true, true, false, false, true]);
    expect(seen("assigned")).toEqual([true, false, false, false, true]);
  });

  it("keeps the built-in roles as they were: admins all, supervisors and agents their teams", () => {
    expect(canSeeConversation({ id: "a", role: "admin", teamIds: [] }, chat("sales", "x"))).toBe(true);
    expect(canSeeConversation({ id: "s", role: "supervisor", teamIds: ["support"] }, chat("sales", null))).toBe(false);
    expect(can({ role: "agent" }, "reply")).toBe(true);
    expect(can({ role: "agent" }, "supervise")).toBe(false);
    expect(can(null, "reply")).toBe(false);
  });

  it("gives a narrow role neither the team's list room nor its board, even when it may supervise", () => {
    const lead = { ...viewer("assigned"), permissions: { ...viewer("assigned").permissions, supervise: true } };
    expect(seesTeamList(lead, "support")).toBe(false);
    expect(canSuperviseTeam(lead, "support")).toBe(false);
    expect(seesTeamList(viewer("teams"), "support")).toBe(true);
  });
});
