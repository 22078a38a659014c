import { describe, expect, it } from "vitest";
import { Chat, day, MIN, reportOf } from "./test-support.ts";

const mon = day("2026-03-02");
const period = { from: mon("00:00"), to: day("2026-03-03")("00:00") };

describe("chats handed between agents", () => {
  it("measures first response from arrival for the cycle and from the assignment for the agent who got it (Zoho)", () => {
    // Offered to Ana, who never picks up; rerouted to Bruno, who picks up and answers.
    const chat = new Chat("c1").opens(mon("09:00")).offer("ana", mon("09:00")).offer("bruno", mon("09:05"), "reroute").pickUp("bruno", mon("09:07")).reply("bruno", mon("09:10"));
    const r = reportOf([chat], period);
    expect(r.totals.times.firstResponse).toMatchObject({ count: 1, median: 10 * MIN });
    expect(r.totals.times.firstResponseFromAssignment).toMatchObject({ count: 1, median: 5 * MIN });
    expect(r.byAgent.bruno!.times.pickup).toMatchObject({ count: 1, median: 2 * MIN });
    // Ana only had an offer she did not take: nothing was taken from her.
    expect(r.totals.conversations.reassigned).toBe(0);
    expect(r.byAgent.ana).toBeUndefined();
  });

  it("counts a reassignment once per cycle, charged to the agent it was taken from, and gives each holder their own first response", () => {
    const chat = new Chat("c1")
      .opens(mon("09:00"))
      .assign("ana", mon("09:00"))
      .reply("ana", mon("09:02"))
      .customer(mon("09:30"))
      .assign("bruno", mon("09:40"))
      .reply("bruno", mon("09:50"))
      .assign("carla", mon("10:00"));
    const r = reportOf([chat], period);
    expect(r.totals.conversations.reassigned).toBe(1);
    expect(r.totals.times.firstResponse).toMatchObject({ count: 1, median: 2 * MIN });
    expect(r.byAgent.ana!.times.firstResponseFromAssignment.median).toBe(2 * MIN);
    // Bruno got it at 09:40 with the customer waiting since 09:30: 10 minutes from his assignment.
    expect(r.byAgent.bruno!.times.firstResponseFromAssignment.median).toBe(10 * MIN);
    expect(r.byAgent.bruno!.times.response.median).toBe(20 * MIN);
  });

  it("starts the assignment clock when the customer starts waiting if that is later than the assignment", () => {
    const chat = new Chat("c1").opens(mon("08:00")).reply("ana", mon("08:01")).assign("bruno", mon("09:00")).customer(mon("10:00")).reply("bruno", mon("10:03"));
    expect(reportOf([chat], period).byAgent.bruno!.times.firstResponseFromAssignment.median).toBe(3 * MIN);
  });

  it("takes no 'from assignment' sample from a chat taken by replying to it: it never waited on that agent", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:20")).customer(mon("09:30")).reply("ana", mon("09:31"));
    const r = reportOf([chat], period);
    expect(r.totals.times.firstResponse.median).toBe(20 * MIN);
    expect(r.totals.times.firstResponseFromAssignment.count).toBe(0);
  });

  it("counts a chat both agents replied in as attended by each, and once for the team", () => {
    const chat = new Chat("c1").opens(mon("09:00")).assign("ana", mon("09:00")).reply("ana", mon("09:05")).assign("bruno", mon("09:10")).customer(mon("09:15")).reply("bruno", mon("09:20"));
    const r = reportOf([chat], period);
    expect(r.totals.conversations.attended).toBe(1);
    expect(r.byAgent.ana!.chatsAttended).toBe(1);
    expect(r.byAgent.bruno!.chatsAttended).toBe(1);
  });

  it("gives the agent still holding a reopened chat a new 'from assignment' clock from the reopening", () => {
    const chat = new Chat("c1")
      .opens(mon("09:00"))
      .assign("ana", mon("09:00"))
      .reply("ana", mon("09:03"))
      .resolve(mon("09:10"), "ana")
      .customer(mon("14:00"))
      .reply("ana", mon("14:07"));
    const r = reportOf([chat], period);
    expect(r.byAgent.ana!.times.firstResponseFromAssignment).toMatchObject({ count: 2, median: 3 * MIN, p90: 7 * MIN });
    expect(r.totals.conversations.reassigned).toBe(0);
  });

  it("a pickup by replying ends the offer: the agent held it, and a later handover counts", () => {
    const chat = new Chat("c1").opens(mon("09:00")).offer("ana", mon("09:00")).reply("ana", mon("09:04")).pickUp("ana", mon("09:04")).assign("bruno", mon("09:30"));
    const r = reportOf([chat], period);
    expect(r.byAgent.ana!.times.pickup.median).toBe(4 * MIN);
    expect(r.byAgent.ana!.times.firstResponseFromAssignment.median).toBe(4 * MIN);
    expect(r.totals.conversations.reassigned).toBe(1);
  });
});
