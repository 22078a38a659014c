import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBusinessMs, businessMsBetween, BusinessCalendarSchema, DEFAULT_CALENDAR, isBusinessTime, startOfToday, type BusinessCalendar } from "./business-hours.ts";
import { computeSla, nextSlaChange, policyFor, slaStateAt, summarizeSla, type SlaClockInput, type SlaHistoryEvent } from "./sla.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const utc = (iso: string) => Date.parse(iso);

const saoPaulo: BusinessCalendar = { ...DEFAULT_CALENDAR, timezone: "America/Sao_Paulo", holidays: [{ date: "2026-12-25", name: "Christmas" }] };
const policy = {
  firstResponseMinutes: 60,
  nextResponseMinutes: 30,
  resolutionMinutes: 8 * 60,
  businessHours: true,
  atRisk: { unit: "percent" as const, value: 25 },
};

function clock(over: Partial<SlaClockInput>) {
  const statuses = computeSla({ policy, calendar: saoPaulo, createdAt: utc("2026-12-01T12:00:00Z"), history: [], now: utc("2026-12-01T12:00:00Z"), ...over });
  return Object.fromEntries(statuses.map((s) => [s.target, s]));
}

describe("business hours", () => {
  it("counts only opening time, in the workspace's zone (São Paulo is UTC-3)", () => {
    // Tuesday 08:00 to 10:00 local: one hour open.
    expect(businessMsBetween(saoPaulo, utc("2026-12-01T11:00:00Z"), utc("2026-12-01T13:00:00Z"))).toBe(HOUR);
    expect(isBusinessTime(saoPaulo, utc("2026-12-01T11:59:00Z"))).toBe(false);
    expect(isBusinessTime(saoPaulo, utc("2026-12-01T12:00:00Z"))).toBe(true);
  });

  it("skips weekends and holidays", () => {
    // Friday 17:30 local + 1h: 30 min Friday, then Monday 09:30.
    expect(addBusinessMs(saoPaulo, utc("2026-12-04T20:30:00Z"), HOUR)).toBe(utc("2026-12-07T12:30:00Z"));
    // Thursday 24 Dec 17:00 local + 2h: Christmas is closed, the weekend too → Monday 28 Dec 10:00.
    expect(addBusinessMs(saoPaulo, utc("2026-12-24T20:00:00Z"), 2 * HOUR)).toBe(utc("2026-12-28T13:00:00Z"));
  });

  it("follows DST: a 24-hour calendar day in New York is 23 hours long in March and 25 in November", () => {
    const always: BusinessCalendar = { timezone: "America/New_York", holidays: [], hours: Object.fromEntries((["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((d) => [d, [{ start: "00:00", end: "24:00" }]])) as BusinessCalendar["hours"] };
    expect(businessMsBetween(always, utc("2026-03-08T05:00:00Z"), utc("2026-03-09T04:00:00Z"))).toBe(23 * HOUR);
    expect(startOfToday(always, utc("2026-03-08T12:00:00Z"))).toBe(utc("2026-03-08T05:00:00Z"));
    expect(startOfToday(always, utc("2026-11-01T23:00:00Z"))).toBe(utc("2026-11-01T04:00:00Z"));
    // Opening at 09:00 local is 13:00 UTC in summer, 14:00 UTC in winter.
    const nine: BusinessCalendar = { ...DEFAULT_CALENDAR, timezone: "America/New_York" };
    expect(addBusinessMs(nine, utc("2026-03-06T23:00:00Z"), 0)).toBe(utc("2026-03-09T13:00:00Z"));
    expect(addBusinessMs(nine, utc("2026-10-30T23:00:00Z"), 0)).toBe(utc("2026-11-02T14:00:00Z"));
  });

  it("validates what an admin sends, in words", () => {
    const bad = BusinessCalendarSchema.safeParse({ ...DEFAULT_CALENDAR, timezone: "Mars/Olympus", hours: { ...DEFAULT_CALENDAR.hours, mon: [{ start: "10:00", end: "09:00" }] } });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain("is not a time zone we know (for example America/Sao_Paulo)");
    expect(messages).toContain("must end after it starts");
    const overlap = BusinessCalendarSchema.safeParse({ ...DEFAULT_CALENDAR, hours: { ...DEFAULT_CALENDAR.hours, mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } });
    expect(overlap.error!.issues[0]!.message).toBe("has opening times that overlap");
  });

  it("never counts more opening time than calendar time, and adding then counting gives the amount back", () => {
    const start = utc("2026-01-01T00:00:00Z");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * 60 }), fc.integer({ min: 0, max: 30 * 24 * 60 }), (offsetMin, amountMin) => {
        const from = start + offsetMin * MIN;
        const to = addBusinessMs(saoPaulo, from, amountMin * MIN)!;
        expect(to).toBeGreaterThanOrEqual(from + amountMin * MIN);
        expect(businessMsBetween(saoPaulo, from, to)).toBe(amountMin * MIN);
        expect(businessMsBetween(saoPaulo, from, to)).toBeLessThanOrEqual(to - from);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the SLA clock", () => {
  it("runs the first response target in business hours and turns at risk, then breached", () => {
    const created = utc("2026-12-04T20:30:00Z"); // Friday 17:30 local
    const at = (now: number) => clock({ createdAt: created, now }).first_response!;
    // 1h target: 30 min on Friday, then Monday from 09:00 local → due 09:30 (12:30Z); at risk with 25% left → 09:15.
    expect(at(created).dueAt).toBe(utc("2026-12-07T12:30:00Z"));
    expect(at(created).atRiskAt).toBe(utc("2026-12-07T12:15:00Z"));
    expect(at(created).state).toBe("running");
    // The weekend counts nothing.
    expect(at(utc("2026-12-06T15:00:00Z"))).toMatchObject({ state: "running", elapsedMs: 30 * MIN });
    expect(at(utc("2026-12-07T12:20:00Z")).state).toBe("at_risk");
    expect(at(utc("2026-12-07T12:30:00Z")).state).toBe("breached");
  });

  it("is met by the first agent reply, and starts a next-response cycle when the customer writes again", () => {
    const created = utc("2026-12-01T12:00:00Z"); // Tuesday 09:00 local
    const history: SlaHistoryEvent[] = [
      { at: created + 20 * MIN, kind: "agent_reply" },
      { at: created + 40 * MIN, kind: "customer_message" },
    ];
    const s = clock({ createdAt: created, history, now: created + 50 * MIN });
    expect(s.first_response).toMatchObject({ state: "met", completedAt: created + 20 * MIN, elapsedMs: 20 * MIN });
    expect(s.next_response).toMatchObject({ state: "running", cycleStart: created + 40 * MIN, dueAt: created + 70 * MIN, elapsedMs: 10 * MIN });
    const later = clock({ createdAt: created, history, now: created + 80 * MIN });
    expect(later.next_response!.state).toBe("breached");
  });

  it("stands still while pending or snoozed and carries on where it stopped", () => {
    const created = utc("2026-12-01T12:00:00Z");
    const history: SlaHistoryEvent[] = [
      { at: created + 10 * MIN, kind: "status", status: "pending" },
      { at: created + 3 * HOUR, kind: "status", status: "open" },
    ];
    const paused = clock({ createdAt: created, history, now: created + HOUR }).first_response!;
    expect(paused).toMatchObject({ state: "paused", pausedAt: created + 10 * MIN, dueAt: null, elapsedMs: 10 * MIN });
    const resumed = clock({ createdAt: created, history, now: created + 3 * HOUR + 5 * MIN }).first_response!;
    expect(resumed).toMatchObject({ state: "running", elapsedMs: 15 * MIN, dueAt: created + 3 * HOUR + 50 * MIN, pausedAt: null });
  });

  it("resolving meets every target; reopening starts the resolution clock afresh", () => {
    const created = utc("2026-12-01T12:00:00Z");
    const history: SlaHistoryEvent[] = [
      { at: created + 5 * MIN, kind: "agent_reply" },
      { at: created + 30 * MIN, kind: "status", status: "resolved" },
      { at: created + 2 * HOUR, kind: "status", status: "open" },
    ];
    const closed = clock({ createdAt: created, history, now: created + HOUR });
    expect(closed.resolution).toMatchObject({ state: "met", completedAt: created + 30 * MIN });
    expect(summarizeSla("p", Object.values(closed))).toBeNull();
    const reopened = clock({ createdAt: created, history, now: created + 2 * HOUR + MIN });
    expect(reopened.resolution).toMatchObject({ state: "running", cycleStart: created + 2 * HOUR });
    expect(reopened.next_response).toMatchObject({ state: "running", cycleStart: created + 2 * HOUR });
  });

  it("counts calendar time when the policy says so, and minutes-before thresholds", () => {
    const created = utc("2026-12-05T12:00:00Z"); // a Saturday
    const s = computeSla({ policy: { ...policy, businessHours: false, firstResponseMinutes: 1, atRisk: { unit: "minutes", value: 1 } }, calendar: saoPaulo, createdAt: created, history: [], now: created });
    expect(s[0]).toMatchObject({ target: "first_response", dueAt: created + MIN, atRiskAt: created, state: "at_risk" });
  });

  it("summarises the worst running target and says when it next changes on its own", () => {
    const created = utc("2026-12-01T12:00:00Z");
    const statuses = computeSla({ policy, calendar: saoPaulo, createdAt: created, history: [], now: created + 50 * MIN });
    const sla = summarizeSla("policy-1", statuses)!;
    expect(sla).toMatchObject({ policyId: "policy-1", target: "first_response", state: "at_risk", dueAt: created + HOUR, remainingMs: HOUR });
    expect(slaStateAt(sla, created + HOUR)).toBe("breached");
    expect(nextSlaChange(statuses, created + 50 * MIN)).toBe(created + HOUR);
  });

  it("picks the most specific policy", () => {
    const policies = [
      { id: "default", inboxId: null, priority: null },
      { id: "urgent", inboxId: null, priority: "urgent" as const },
      { id: "inbox", inboxId: "i1", priority: null },
      { id: "inbox-urgent", inboxId: "i1", priority: "urgent" as const },
    ];
    expect(policyFor(policies, { inboxId: "i1", priority: "urgent" })!.id).toBe("inbox-urgent");
    expect(policyFor(policies, { inboxId: "i1", priority: "low" })!.id).toBe("inbox");
    expect(policyFor(policies, { inboxId: "i2", priority: "urgent" })!.id).toBe("urgent");
    expect(policyFor(policies, { inboxId: "i2", priority: "low" })!.id).toBe("default");
    expect(policyFor([], { inboxId: "i2", priority: "low" })).toBeNull();
  });

  it("never counts paused time: elapsed equals the open time between events, whatever the pauses", () => {
    const created = utc("2026-12-01T00:00:00Z");
    const cal = { ...saoPaulo, hours: Object.fromEntries(Object.keys(saoPaulo.hours).map((d) => [d, [{ start: "00:00", end: "24:00" }]])) as BusinessCalendar["hours"] };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 600 }), fc.constantFrom("open", "pending", "snoozed") as fc.Arbitrary<"open" | "pending" | "snoozed">), { maxLength: 12 }), (steps) => {
        let t = created;
        let status = "open";
        let open = 0;
        const history: SlaHistoryEvent[] = [];
        for (const [gap, next] of steps) {
          if (status === "open") open += gap * MIN;
          t += gap * MIN;
          history.push({ at: t, kind: "status", status: next });
          status = next;
        }
        const s = computeSla({ policy: { ...policy, resolutionMinutes: 100_000 }, calendar: cal, createdAt: created, history, now: t });
        expect(s.find((x) => x.target === "resolution")!.elapsedMs).toBe(open);
      }),
      { numRuns: 100 },
    );
  });
});
