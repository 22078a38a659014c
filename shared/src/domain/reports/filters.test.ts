import { describe, expect, it } from "vitest";
import { Chat, day, MIN, reportOf } from "./test-support.ts";
import type { ConversationFacts } from "./types.ts";

const mon = day("2026-03-02");
const week = { from: mon("00:00"), to: day("2026-03-09")("00:00") };

const web = new Chat("web").opens(mon("09:00")).reply("ana", mon("09:05"));
const wa = new Chat("wa", "k-wa", { inboxId: "inbox-wa", channel: "whatsapp" }).opens(mon("09:00")).reply("bruno", mon("09:20"));
const facts = new Map<string, ConversationFacts>([
  ["web", { teamId: "support", labels: ["billing"], priority: "high" }],
  ["wa", { teamId: "sales", labels: ["lead"] }],
]);
const report = (filters: Parameters<typeof reportOf>[1]["filters"]) => reportOf([web, wa], { ...week, conversations: facts, filters });

describe("filters", () => {
  it("splits conversations per channel, read from conversation.created", () => {
    expect(report({}).totals.conversations.byChannel).toEqual({ webchat: 1, whatsapp: 1 });
  });

  it("keep a team's, inbox's, channel's, label's or priority's conversations", () => {
    expect(report({ teamIds: ["sales"] }).totals.times.firstResponse.median).toBe(20 * MIN);
    expect(report({ inboxIds: ["inbox-web"] }).totals.times.firstResponse.median).toBe(5 * MIN);
    expect(report({ channels: ["whatsapp"] }).totals.conversations.total).toBe(1);
    expect(report({ labels: ["billing", "vip"] }).totals.conversations.total).toBe(1);
    expect(report({ priorities: ["normal"] }).totals.times.firstResponse.median).toBe(20 * MIN);
    expect(report({ teamIds: ["sales"], channels: ["webchat"] }).totals.conversations.total).toBe(0);
  });

  it("leave out a conversation whose facts a filter asks about are unknown", () => {
    const stray = new Chat("stray").opens(mon("09:00"));
    expect(reportOf([stray], { ...week, filters: { teamIds: ["support"] } }).totals.conversations.total).toBe(0);
    expect(reportOf([stray], week).totals.conversations.total).toBe(1);
  });

  it("keep by agent what is attributed to them: their replies, and what customers did while they held the chat", () => {
    const held = new Chat("held").opens(mon("08:00")).assign("ana", mon("08:30")).customer(mon("08:45"));
    const r = reportOf([web, wa, held], { ...week, filters: { agentIds: ["ana"] } });
    expect(r.totals.times.firstResponse).toMatchObject({ count: 1, median: 5 * MIN });
    expect(r.totals.messages.received).toBe(1);
    expect(r.totals.contacts.messagesAwaitingRead).toBe(2);
    expect(Object.keys(r.byAgent)).toEqual(["ana"]);
  });

  it("add up over the series for every figure anchored at one instant", () => {
    const r = reportOf([web, wa], { ...week, granularity: "hour" });
    const sum = (pick: (f: (typeof r)["totals"]) => number) => r.series.points.reduce((s, p) => s + pick(p.figures), 0);
    expect(sum((f) => f.conversations.total)).toBe(r.totals.conversations.total);
    expect(sum((f) => f.conversations.attended)).toBe(r.totals.conversations.attended);
    expect(sum((f) => f.times.firstResponse.count)).toBe(r.totals.times.firstResponse.count);
    expect(sum((f) => f.messages.received)).toBe(r.totals.messages.received);
  });
});
