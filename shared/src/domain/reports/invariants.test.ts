import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../business-hours.ts";
import { Chat, day, MIN, reportOf } from "./test-support.ts";
import { DURATION_METRICS } from "./types.ts";

const AGENTS = ["ana", "bruno"] as const;
const ACTIONS = ["customer", "reply", "auto", "offer", "pickup", "assign", "pending", "open", "snooze", "wake", "resolve", "read"] as const;
type Action = { kind: (typeof ACTIONS)[number]; agent: 0 | 1; gapMin: number };

const mon = day("2026-03-02");

/** A random but plausible chat: actions in time order, a few minutes to some hours apart. */
function chatFrom(id: string, steps: readonly Action[]): Chat {
  let at = mon("08:00");
  const chat = new Chat(id).opens(at);
  for (const s of steps) {
    at += s.gapMin * MIN;
    const agent = AGENTS[s.agent];
    if (s.kind === "customer") chat.customer(at);
    else if (s.kind === "reply") chat.reply(agent, at);
    else if (s.kind === "auto") chat.autoReply(at);
    else if (s.kind === "offer") chat.offer(agent, at);
    else if (s.kind === "pickup") chat.pickUp(agent, at);
    else if (s.kind === "assign") chat.assign(agent, at);
    else if (s.kind === "pending") chat.setStatus("pending", at, agent);
    else if (s.kind === "open") chat.setStatus("open", at, agent);
    else if (s.kind === "snooze") chat.snooze(at, at + 60 * MIN, agent);
    else if (s.kind === "wake") chat.wake(at);
    else if (s.kind === "resolve") chat.resolve(at, agent);
    else chat.read(agent, at);
  }
  return chat;
}

const step = fc.record({ kind: fc.constantFrom(...ACTIONS), agent: fc.constantFrom(0 as const, 1 as const), gapMin: fc.integer({ min: 0, max: 600 }) });
const histories = fc.array(fc.array(step, { maxLength: 25 }), { minLength: 1, maxLength: 4 });

describe("invariants over random histories", () => {
  it("every figure anchored at one instant adds up over the series to the period's total", () => {
    fc.assert(
      fc.property(histories, (lists) => {
        const chats = lists.map((steps, i) => chatFrom(`c${i}`, steps));
        const r = reportOf(chats, { from: mon("00:00"), to: day("2026-03-05")("00:00"), granularity: "hour", timeZone: "America/Sao_Paulo" });
        const sum = (pick: (f: (typeof r)["totals"]) => number) => r.series.points.reduce((s, p) => s + pick(p.figures), 0);
        for (const key of ["total", "new", "reopened", "attended", "reassigned", "resolved"] as const) {
          expect(sum((f) => f.conversations[key])).toBe(r.totals.conversations[key]);
        }
        for (const m of DURATION_METRICS) expect(sum((f) => f.times[m].count)).toBe(r.totals.times[m].count);
        expect(sum((f) => f.messages.received)).toBe(r.heatmap.flat().reduce((a, b) => a + b, 0));
      }),
      { numRuns: 40 },
    );
  });

  it("durations are never negative, and business time never exceeds calendar time for the same samples", () => {
    fc.assert(
      fc.property(histories, (lists) => {
        const chats = lists.map((steps, i) => chatFrom(`c${i}`, steps));
        const period = { from: mon("00:00"), to: day("2026-03-05")("00:00") };
        const calendar = reportOf(chats, period).totals.times;
        const business = reportOf(chats, { ...period, businessHours: DEFAULT_CALENDAR }).totals.times;
        for (const m of DURATION_METRICS) {
          expect(business[m].count).toBe(calendar[m].count);
          if (calendar[m].count === 0) continue;
          expect(calendar[m].median!).toBeGreaterThanOrEqual(0);
          expect(business[m].average!).toBeLessThanOrEqual(calendar[m].average!);
          expect(calendar[m].median!).toBeLessThanOrEqual(calendar[m].p90!);
        }
      }),
      { numRuns: 40 },
    );
  });
});
