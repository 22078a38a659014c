import { describe, expect, it } from "vitest";
import { Chat, day, MIN, reportOf } from "./test-support.ts";

const mon = day("2026-03-02");
const period = { from: mon("00:00"), to: day("2026-03-03")("00:00") };

describe("bots and automatic replies", () => {
  it("never count a routing rule's canned reply as anyone's response; the customer still waits for a person", () => {
    const chat = new Chat("c1").opens(mon("09:00")).autoReply(mon("09:00"));
    chat.delivery(chat.lastMessageId, "delivered", mon("09:00") + 2000);
    chat.reply("ana", mon("09:12"));
    const r = reportOf([chat], period);
    expect(r.totals.times.firstResponse).toMatchObject({ count: 1, median: 12 * MIN });
    expect(r.totals.conversations.attended).toBe(1);
    expect(r.totals.messages).toMatchObject({ autoReplies: 1, sent: 1, delivered: 1 });
    // The bot's message is volume the customer received, but it is nobody's work.
    expect(Object.keys(r.byAgent)).toEqual(["ana"]);
  });

  it("leave a chat only a bot answered unattended, with no response time at all", () => {
    const chat = new Chat("c1").opens(mon("09:00")).autoReply(mon("09:00"));
    const r = reportOf([chat], period);
    expect(r.totals.conversations).toMatchObject({ total: 1, attended: 0 });
    expect(r.totals.times.response.count).toBe(0);
  });

  it("ignore a message.queued that is not an agent's, should anything automatic ever write one", () => {
    const chat = new Chat("c1").opens(mon("09:00"));
    chat.events.push({ id: "bot-q", type: "message.queued", conversationId: "c1", actorKind: "bot", actorId: "bot-1", data: { messageId: "bm" }, at: mon("09:01") });
    chat.reply("ana", mon("09:30"));
    expect(reportOf([chat], period).totals.times.firstResponse.median).toBe(30 * MIN);
  });

  it("start and stop no clock: an automatic reply does not shorten resolution time (Chatwoot #7679)", () => {
    const chat = new Chat("c1").opens(mon("09:00")).autoReply(mon("09:00")).reply("ana", mon("09:20")).resolve(mon("10:00"), "ana");
    expect(reportOf([chat], period).totals.times.resolution.median).toBe(60 * MIN);
  });
});
