import { describe, expect, it } from "vitest";
import { byQueueOrder, median, queueCounts, raisedHands, waitingRows, type BoardConversation } from "./board.ts";
import { canSuperviseTeam, seesAllTeams } from "./user.ts";

const NOW = 1_000_000_000;
let n = 0;
function conv(over: Partial<BoardConversation> = {}): BoardConversation {
  n += 1;
  return {
    id: `c${n}`,
    inboxId: "in1",
    channel: "webchat",
    contactName: `Customer ${n}`,
    status: "open",
    priority: "normal",
    vip: false,
    assigneeId: null,
    offeredTo: null,
    offeredAt: null,
    waitingSince: NOW - 60_000,
    createdAt: NOW - 60_000 - n,
    helpRequestedAt: null,
    helpRequestedBy: null,
    ...over,
  };
}

describe("board projection", () => {
  it("counts open, pending, snoozed, unassigned, offered and long waits", () => {
    const list = [
      conv(),
      conv({ offeredTo: "u1", offeredAt: NOW - 1000 }),
      conv({ waitingSince: NOW - 6 * 60_000 }),
      conv({ assigneeId: "u1" }),
      conv({ status: "pending", assigneeId: "u1" }),
      conv({ status: "snoozed" }),
      conv({ status: "resolved" }),
    ];
    expect(queueCounts(list, NOW, 5 * 60_000)).toEqual({ open: 4, pending: 1, snoozed: 1, unassigned: 4, offered: 1, waiting: 3, waitingLong: 1, slaAtRisk: 0, slaBreached: 0 });
  });

  it("orders the queue urgent, VIP, high, normal, low, oldest first, with positions and a cap", () => {
    const low = conv({ priority: "low", createdAt: 1 });
    const normalNew = conv({ createdAt: 50 });
    const normalOld = conv({ createdAt: 10 });
    const vip = conv({ vip: true, createdAt: 99 });
    const urgent = conv({ priority: "urgent", createdAt: 100 });
    const high = conv({ priority: "high", createdAt: 100 });
    const taken = conv({ assigneeId: "u1", priority: "urgent" });
    const rows = waitingRows([low, normalNew, normalOld, vip, urgent, high, taken]);
    expect(rows.map((r) => r.conversationId)).toEqual([urgent, vip, high, normalOld, normalNew, low].map((c) => c.id));
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(waitingRows([low, normalNew, normalOld], 2)).toHaveLength(2);
    expect([normalNew, normalOld].sort(byQueueOrder)[0]).toBe(normalOld);
  });

  it("counts SLAs at risk and breached as of the build time, and carries the summary to the queue row", () => {
    const running = { policyId: "p", target: "first_response" as const, state: "running" as const, dueAt: NOW + 60_000, atRiskAt: NOW + 30_000, pausedAt: null, remainingMs: 60_000 };
    const list = [
      conv({ sla: running }),
      conv({ sla: { ...running, atRiskAt: NOW - 1 } }),
      conv({ sla: { ...running, atRiskAt: NOW - 2, dueAt: NOW } }),
      conv({ sla: { ...running, state: "breached" }, assigneeId: "u1" }),
      conv({ sla: { ...running, state: "paused", dueAt: null, atRiskAt: null, pausedAt: NOW - 5 }, status: "pending" }),
      conv({ sla: { ...running, state: "breached" }, status: "resolved" }),
      conv({ sla: null }),
    ];
    expect(queueCounts(list, NOW, 5 * 60_000)).toMatchObject({ slaAtRisk: 1, slaBreached: 2 });
    // The same chats a little later: the first has turned at risk and the second breached, with no other change.
    expect(queueCounts(list, NOW + 60_000, 5 * 60_000)).toMatchObject({ slaAtRisk: 0, slaBreached: 4 });
    expect(waitingRows(list).find((r) => r.conversationId === list[0]!.id)!.sla).toEqual(running);
    expect(waitingRows(list).find((r) => r.conversationId === list[6]!.id)!.sla).toBeNull();
  });

  it("takes the median of durations", () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
  });
});

describe("team scoping", () => {
  it("admins see all teams; supervisors only the ones they lead; agents supervise none", () => {
    expect(seesAllTeams({ role: "admin" })).toBe(true);
    expect(seesAllTeams({ role: "supervisor" })).toBe(false);
    expect(canSuperviseTeam({ role: "supervisor", teamIds: ["a"] }, "a")).toBe(true);
    expect(canSuperviseTeam({ role: "supervisor", teamIds: ["a"] }, "b")).toBe(false);
    expect(canSuperviseTeam({ role: "admin", teamIds: [] }, "b")).toBe(true);
    expect(canSuperviseTeam({ role: "agent", teamIds: ["a"] }, "a")).toBe(false);
  });
});

describe("raised hands", () => {
  it("lists chats whose agent asked for help, longest waiting first, never resolved ones", () => {
    const late = conv({ assigneeId: "ana", helpRequestedAt: NOW - 1_000, helpRequestedBy: "ana" });
    const early = conv({ assigneeId: "bruno", helpRequestedAt: NOW - 5_000, helpRequestedBy: "bruno" });
    const done = conv({ status: "resolved", helpRequestedAt: NOW - 9_000, helpRequestedBy: "ana" });
    expect(raisedHands([late, conv(), early, done])).toEqual([
      { conversationId: early.id, contactName: early.contactName, by: "bruno", assigneeId: "bruno", at: NOW - 5_000 },
      { conversationId: late.id, contactName: late.contactName, by: "ana", assigneeId: "ana", at: NOW - 1_000 },
    ]);
  });
});
