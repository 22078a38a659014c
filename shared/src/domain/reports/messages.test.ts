import { describe, expect, it } from "vitest";
import { Chat, day, reportOf } from "./test-support.ts";

const mon = day("2026-03-02");
const period = { from: mon("00:00"), to: day("2026-03-09")("00:00") };

describe("message volume by status", () => {
  it("counts each outbound message once per status it reached, a later status implying the earlier ones", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:01"));
    const first = chat.lastMessageId;
    chat.delivery(first, "sent", mon("09:02")).delivery(first, "delivered", mon("09:03")).delivery(first, "read", mon("09:04"));
    chat.reply("ana", mon("09:10"));
    // A platform that answers "delivered" at once, then a read receipt: never a "sent" event.
    chat.delivery(chat.lastMessageId, "delivered", mon("09:11")).delivery(chat.lastMessageId, "read", mon("09:12"));
    const r = reportOf([chat], period);
    expect(r.totals.messages).toMatchObject({ received: 1, sent: 2, delivered: 2, read: 2, failed: 0 });
  });

  it("counts a failure once per message, and the send that worked after a retry as sent", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:01"));
    const id = chat.lastMessageId;
    chat.delivery(id, "failed", mon("09:02")).delivery(id, "failed", mon("09:03")).delivery(id, "sent", mon("09:05"));
    expect(reportOf([chat], period).totals.messages).toMatchObject({ sent: 1, failed: 1 });
  });

  it("counts each status at its own instant", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("23:59"));
    chat.delivery(chat.lastMessageId, "read", day("2026-03-03")("08:00"));
    const [monday, tuesday] = reportOf([chat], period).series.points;
    expect(monday!.figures.messages).toMatchObject({ received: 1, read: 0 });
    expect(tuesday!.figures.messages).toMatchObject({ received: 0, read: 1, sent: 1 });
  });

  it("attributes an outbound message's statuses to its author", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:01"));
    chat.delivery(chat.lastMessageId, "failed", mon("09:02"));
    const r = reportOf([chat], { ...period, filters: { agentIds: ["bruno"] } });
    expect(r.totals.messages.failed).toBe(0);
    expect(reportOf([chat], { ...period, filters: { agentIds: ["ana"] } }).totals.messages.failed).toBe(1);
  });
});

describe("the weekday × hour heatmap", () => {
  it("places customer messages by local weekday (Monday first) and hour", () => {
    const chat = new Chat("c1").opens(mon("09:15")).customer(mon("09:45")).customer(day("2026-03-08")("23:30"));
    const utc = reportOf([chat], period).heatmap;
    expect(utc[0]![9]).toBe(2);
    expect(utc[6]![23]).toBe(1);
    // In São Paulo (UTC−3) Monday 09:15Z is Monday 06:15, and Sunday 23:30Z is Sunday 20:30.
    const sp = reportOf([chat], { ...period, timeZone: "America/Sao_Paulo" }).heatmap;
    expect(sp[0]![6]).toBe(2);
    expect(sp[6]![20]).toBe(1);
    expect(sp.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });
});
