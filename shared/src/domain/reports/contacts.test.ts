import { describe, expect, it } from "vitest";
import { Chat, day, merge, reportOf } from "./test-support.ts";

const feb = day("2026-02-10");
const mon = day("2026-03-02");
const tue = day("2026-03-03");
const week = { from: mon("00:00"), to: day("2026-03-09")("00:00") };

describe("new and returning contacts", () => {
  it("a person is new in the period of their first message ever, returning when they wrote before it", () => {
    const old = new Chat("c-old", "ana-customer").opens(feb("10:00"));
    const again = new Chat("c-again", "ana-customer", { inboxId: "inbox-wa", channel: "whatsapp" }).opens(mon("09:00"));
    const fresh = new Chat("c-new", "bia-customer").opens(mon("10:00")).customer(tue("10:00"));
    const r = reportOf([old, again, fresh], week);
    expect(r.totals.contacts).toMatchObject({ new: 1, returning: 1 });
    // Day by day: Bia is new on Monday and returning on Tuesday.
    const [monday, tuesday] = r.series.points;
    expect(monday!.figures.contacts).toMatchObject({ new: 1, returning: 1 });
    expect(tuesday!.figures.contacts).toMatchObject({ new: 0, returning: 1 });
  });

  it("a merge makes two contacts one person, even when the merge is recorded after the period", () => {
    // The same customer wrote in February on WhatsApp (k-wa) and this week on web chat (k-web).
    const before = new Chat("c1", "k-wa").opens(feb("10:00"));
    const now = new Chat("c2", "k-web").opens(mon("09:00"));
    expect(reportOf([before, now], week).totals.contacts).toMatchObject({ new: 1, returning: 0 });
    const merged = merge("k-wa", "k-web", day("2026-03-20")("12:00"));
    expect(reportOf([before, now, merged], week).totals.contacts).toMatchObject({ new: 0, returning: 1 });
  });

  it("counts a merged person once when both of their contacts wrote in the period, and follows merge chains", () => {
    const a = new Chat("c1", "k1").opens(mon("09:00"));
    const b = new Chat("c2", "k2").opens(mon("10:00"));
    const c = new Chat("c3", "k3").opens(tue("10:00"));
    const r = reportOf([a, b, c, merge("k2", "k3", tue("11:00")), merge("k1", "k2", tue("12:00"))], week);
    expect(r.totals.contacts).toMatchObject({ new: 1, returning: 0 });
    // Conversations stay separate: a merge joins people, not chats.
    expect(r.totals.conversations.new).toBe(3);
  });
});

describe("messages awaiting read", () => {
  it("are the customer messages after the last read or reply, as the window ends", () => {
    const chat = new Chat("c1").opens(mon("09:00")).customer(mon("09:01")).read("ana", mon("09:02")).customer(mon("10:00")).customer(mon("10:01"));
    expect(reportOf([chat], week).totals.contacts.messagesAwaitingRead).toBe(2);
  });

  it("are cleared by a reply as by a read (the server zeroes the unread count on both)", () => {
    const chat = new Chat("c1").opens(mon("09:00")).customer(mon("09:01")).reply("ana", mon("09:05"));
    expect(reportOf([chat], week).totals.contacts.messagesAwaitingRead).toBe(0);
  });

  it("are a snapshot at each bucket's end in the series", () => {
    const chat = new Chat("c1").opens(mon("09:00")).customer(mon("09:01")).read("ana", tue("09:00")).customer(tue("10:00"));
    const [monday, tuesday, wednesday] = reportOf([chat], week).series.points;
    expect([monday, tuesday, wednesday].map((p) => p!.figures.contacts.messagesAwaitingRead)).toEqual([2, 1, 1]);
  });

  it("are not cleared by an automatic reply", () => {
    const chat = new Chat("c1").opens(mon("09:00")).autoReply(mon("09:00"));
    expect(reportOf([chat], week).totals.contacts.messagesAwaitingRead).toBe(1);
  });
});
