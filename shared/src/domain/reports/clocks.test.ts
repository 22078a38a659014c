import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../business-hours.ts";
import { measure } from "./clock.ts";
import { Chat, day, HOUR, MIN, reportOf } from "./test-support.ts";

const mon = day("2026-03-02");
const fri = day("2026-02-27");
const week = { from: mon("00:00"), to: day("2026-03-09")("00:00") };

describe("pending and snoozed time", () => {
  it("is left out of the response clock", () => {
    const chat = new Chat("c1").opens(mon("09:00")).setStatus("pending", mon("09:05"), "ana").setStatus("open", mon("10:05"), "ana").reply("ana", mon("10:10"));
    expect(reportOf([chat], week).totals.times.firstResponse.median).toBe(10 * MIN);
  });

  it("stops while snoozed; the customer writing wakes the chat and the clock", () => {
    const chat = new Chat("c1")
      .opens(mon("09:00"))
      .snooze(mon("09:01"), mon("12:00"), "ana")
      .customer(mon("10:00"))
      .reply("ana", mon("10:03"));
    // 09:00–09:01 and 10:00–10:03.
    expect(reportOf([chat], week).totals.times.response.median).toBe(4 * MIN);
  });

  it("stops until the snooze waker opens the chat again", () => {
    const chat = new Chat("c1").opens(mon("09:00")).snooze(mon("09:01"), mon("12:00"), "ana").wake(mon("12:00")).reply("ana", mon("12:04"));
    expect(reportOf([chat], week).totals.times.firstResponse.median).toBe(5 * MIN);
  });

  it("stays out while a pending chat's customer writes: the server leaves a pending chat pending", () => {
    const chat = new Chat("c1")
      .opens(mon("09:00"))
      .reply("ana", mon("09:01"))
      .setStatus("pending", mon("09:02"), "ana")
      .customer(mon("10:00"))
      .setStatus("open", mon("11:00"), "ana")
      .reply("ana", mon("11:05"));
    expect(reportOf([chat], week).totals.times.response).toMatchObject({ count: 2, median: 1 * MIN, p90: 5 * MIN });
  });

  it("is left out of resolution time too (the SLA resolution target pauses the same way)", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:10")).setStatus("pending", mon("09:20"), "ana").resolve(mon("17:20"), "ana");
    expect(reportOf([chat], week).totals.times.resolution.median).toBe(20 * MIN);
  });

  it("leaves pickup time alone while the chat is open", () => {
    const chat = new Chat("c1").opens(mon("09:00")).offer("ana", mon("09:00")).pickUp("ana", mon("09:03"));
    expect(reportOf([chat], week).byAgent.ana!.times.pickup.median).toBe(3 * MIN);
  });

  it("measure() removes paused stretches, including one still running", () => {
    expect(measure(0, 100, [[10, 20], [50, null]], undefined)).toBe(40);
    expect(measure(0, 100, [[-50, 30]], undefined)).toBe(70);
    expect(measure(100, 50, [], undefined)).toBe(0);
  });
});

describe("business hours or calendar time", () => {
  // A customer writes on Friday at 17:30; the reply comes on Monday at 09:30.
  const chat = () => new Chat("c1").opens(fri("17:30")).reply("ana", mon("09:30"));

  it("counts every minute on the calendar clock", () => {
    expect(reportOf([chat()], week).totals.times.firstResponse.median).toBe(64 * HOUR);
  });

  it("counts only opening time on the business clock (Mon–Fri 09:00–18:00: 30 min on Friday, 30 on Monday)", () => {
    const r = reportOf([chat()], { ...week, businessHours: DEFAULT_CALENDAR });
    expect(r.totals.times.firstResponse.median).toBe(60 * MIN);
    expect(r.period.clock).toBe("business");
  });

  it("takes paused time out of business time as well", () => {
    const c = new Chat("c1").opens(mon("09:00")).setStatus("pending", mon("10:00"), "ana").setStatus("open", mon("20:00"), "ana").reply("ana", day("2026-03-03")("09:30"));
    expect(reportOf([c], { ...week, businessHours: DEFAULT_CALENDAR }).totals.times.firstResponse.median).toBe(90 * MIN);
  });
});

describe("offline replies", () => {
  it("count from when the reply reached the server (message.queued's time), not when it was typed", () => {
    // Ana typed at 09:05 on a train; the device reached the server at 11:00. The server records
    // message.queued at 11:00 and does not store the command's writtenAt.
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("11:00"));
    chat.events.at(-2)!.data.writtenAt = mon("09:05");
    const r = reportOf([chat], week);
    expect(r.totals.times.firstResponse.median).toBe(2 * HOUR);
  });

  it("are therefore never late events: the hour the customer wrote in keeps its figures", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("11:00"));
    const hours = reportOf([chat], { from: mon("09:00"), to: mon("12:00"), granularity: "hour" }).series.points;
    expect(hours.map((p) => p.figures.conversations.attended)).toEqual([0, 0, 1]);
  });
});
