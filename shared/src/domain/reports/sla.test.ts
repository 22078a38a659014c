import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../business-hours.ts";
import type { SlaPolicy } from "../sla.ts";
import { Chat, day, reportOf } from "./test-support.ts";
import type { ConversationFacts } from "./types.ts";

const mon = day("2026-03-02");
const tue = day("2026-03-03");
const week = { from: mon("00:00"), to: day("2026-03-09")("00:00") };

const policy: SlaPolicy = {
  id: "p1",
  name: "Standard",
  inboxId: null,
  priority: null,
  firstResponseMinutes: 30,
  nextResponseMinutes: null,
  resolutionMinutes: 120,
  businessHours: false,
  atRisk: { unit: "percent", value: 25 },
  updatedAt: 0,
};
const sla = { policies: [policy], calendar: DEFAULT_CALENDAR };

describe("SLA met and breached", () => {
  it("meets a target completed in time and breaches one at the instant it ran out, charged to whoever held the chat then", () => {
    const quick = new Chat("quick").opens(mon("09:00")).reply("ana", mon("09:10")).resolve(mon("10:00"), "ana");
    const slow = new Chat("slow").opens(mon("09:00")).assign("bruno", mon("09:05")).reply("bruno", mon("09:45"));
    const r = reportOf([quick, slow], { ...week, sla, granularity: "hour", from: mon("09:00"), to: mon("12:00") });
    expect(r.totals.sla).toMatchObject({ met: 2, breached: 2 });
    expect(r.totals.sla!.byTarget.first_response).toEqual({ met: 1, breached: 1 });
    // The slow chat's resolution target (2 h from 09:00) ran out at 11:00 while it was still open.
    expect(r.totals.sla!.byTarget.resolution).toEqual({ met: 1, breached: 1 });
    expect(r.byAgent.bruno!.sla).toEqual({ met: 0, breached: 2 });
    expect(r.byAgent.ana!.sla).toEqual({ met: 2, breached: 0 });
    expect(r.series.points.map((p) => p.figures.sla!.breached)).toEqual([1, 0, 1]);
  });

  it("judges each cycle's resolution target on its own after a reopening", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("09:10")).resolve(mon("10:00"), "ana").customer(tue("10:00")).reply("ana", tue("10:05")).resolve(tue("13:00"), "ana");
    expect(reportOf([chat], { ...week, sla }).totals.sla!.byTarget.resolution).toEqual({ met: 1, breached: 1 });
  });

  it("stops the SLA clock while pending, as the server's clock does", () => {
    const chat = new Chat("c1").opens(mon("09:00")).setStatus("pending", mon("09:10"), "ana").setStatus("open", mon("11:00"), "ana").reply("ana", mon("11:15"));
    expect(reportOf([chat], { ...week, sla }).totals.sla!.byTarget.first_response).toEqual({ met: 1, breached: 0 });
  });

  it("splits outcomes by team and inbox, and has no SLA figures without policies", () => {
    const chat = new Chat("c1").opens(mon("09:00")).reply("ana", mon("10:00"));
    const conversations = new Map<string, ConversationFacts>([["c1", { teamId: "support" }]]);
    const r = reportOf([chat], { ...week, sla, conversations });
    expect(r.totals.sla!.byTeam).toEqual({ support: { met: 0, breached: 2 } });
    expect(r.totals.sla!.byInbox).toEqual({ "inbox-web": { met: 0, breached: 2 } });
    expect(reportOf([chat], week).totals.sla).toBeNull();
  });

  it("applies the policy for the conversation's inbox and priority (here: an urgent chat's tighter target)", () => {
    const urgent: SlaPolicy = { ...policy, id: "p2", priority: "urgent", firstResponseMinutes: 5 };
    const chat = new Chat("c1").opens(mon("09:00")).priority("urgent", mon("09:00"), "ana").reply("ana", mon("09:10"));
    const r = reportOf([chat], { ...week, sla: { ...sla, policies: [policy, urgent] } });
    expect(r.totals.sla!.byTarget.first_response).toEqual({ met: 0, breached: 1 });
  });
});
