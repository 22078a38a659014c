import { describe, expect, it } from "vitest";
import { Chat, day, HOUR, MIN, reportOf } from "./test-support.ts";

const mon = day("2026-03-02");
const tue = day("2026-03-03");
const week = { from: mon("00:00"), to: day("2026-03-09")("00:00") };

describe("open → resolve cycles", () => {
  // Chatwoot #6418 / #6548: after a reopen, the first response was measured from the conversation's creation.
  it("counts each cycle after a reopening separately, each first response from its own start", () => {
    const chat = new Chat("c1")
      .opens(mon("09:00"))
      .reply("ana", mon("09:10"))
      .resolve(mon("09:30"), "ana")
      .customer(tue("14:00"))
      .reply("ana", tue("14:05"))
      .resolve(tue("14:30"), "ana");
    const r = reportOf([chat], week);
    expect(r.totals.conversations).toMatchObject({ total: 2, new: 1, reopened: 1, attended: 2, resolved: 2 });
    expect(r.totals.times.firstResponse).toMatchObject({ count: 2, median: 5 * MIN, p90: 10 * MIN });
    expect(r.totals.times.resolution).toMatchObject({ count: 2, median: 30 * MIN });
    expect(r.byAgent.ana!.chatsAttended).toBe(2);
  });

  it("charges a reopening to the agent who resolved the cycle before it", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:10")).resolve(mon("09:30"), "bruno").customer(mon("10:00"));
    const r = reportOf([chat], week);
    expect(r.byAgent.bruno!.reopens).toBe(1);
    expect(r.byAgent.ana!.reopens).toBe(0);
    expect(r.totals.conversations.reopened).toBe(1);
  });

  // Chatwoot PR #11787: 985,492 s reply times came from measuring across resolved stretches.
  it("ends the customer's wait when the chat is resolved: a 'thanks' left unanswered never becomes a days-long reply", () => {
    const chat = new Chat("c1")
      .opens(mon("09:00"))
      .reply("ana", mon("09:05"))
      .customer(mon("09:06")) // "thanks!"
      .resolve(mon("09:07"), "ana")
      .customer(day("2026-03-05")("10:00"))
      .reply("ana", day("2026-03-05")("10:02"));
    const times = reportOf([chat], week).totals.times;
    expect(times.response).toMatchObject({ count: 2, median: 2 * MIN, p90: 5 * MIN });
  });

  it("does not count a reply to a resolved chat as attending or answering anything", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:05")).resolve(mon("09:10"), "ana").reply("ana", mon("11:00"));
    const r = reportOf([chat], week);
    expect(r.totals.conversations.attended).toBe(1);
    expect(r.totals.times.response.count).toBe(1);
  });

  it("starts no first-response clock when the agent reopens and writes first; the customer's answer starts it", () => {
    const chat = new Chat("c1")
      .opens(mon("09:00"))
      .reply("ana", mon("09:01"))
      .resolve(mon("09:02"), "ana")
      .setStatus("open", tue("10:00"), "ana")
      .reply("ana", tue("10:00")) // a follow-up nobody was waiting for
      .customer(tue("11:00"))
      .reply("ana", tue("11:20"));
    const r = reportOf([chat], week);
    expect(r.totals.conversations).toMatchObject({ total: 2, reopened: 1, attended: 2 });
    expect(r.totals.times.firstResponse).toMatchObject({ count: 2, median: 1 * MIN, p90: 20 * MIN });
  });

  it("anchors each figure at its own instant: a cycle started on Monday and answered on Tuesday is attended on Tuesday", () => {
    const chat = new Chat("c1").opens(mon("23:00")).reply("ana", tue("01:00"));
    const r = reportOf([chat], { ...week, granularity: "day" });
    const [monday, tuesday] = r.series.points;
    expect(monday!.figures.conversations).toMatchObject({ total: 1, attended: 0 });
    expect(tuesday!.figures.conversations).toMatchObject({ total: 0, attended: 1 });
    expect(tuesday!.figures.times.firstResponse.median).toBe(2 * HOUR);
  });

  it("reads the whole history before the period: a first response this week to a chat opened last week counts this week", () => {
    const chat = new Chat("c1").opens(day("2026-02-27")("17:00")).reply("ana", mon("09:00"));
    const r = reportOf([chat], week);
    expect(r.totals.conversations).toMatchObject({ total: 0, attended: 1 });
    expect(r.totals.times.firstResponse.median).toBe(64 * HOUR);
  });

  it("ignores events at or after the period's end", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("10:00"));
    const r = reportOf([chat], { from: mon("00:00"), to: mon("10:00") });
    expect(r.totals.conversations.attended).toBe(0);
    expect(r.totals.times.firstResponse.count).toBe(0);
  });
});
