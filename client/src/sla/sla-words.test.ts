import { describe, expect, it } from "vitest";
import type { SlaSummary } from "@inbox/shared";
import { slaWords } from "./sla-words.ts";

const MIN = 60_000;
const base: SlaSummary = { policyId: "p", target: "first_response", state: "running", dueAt: 100 * MIN, atRiskAt: 90 * MIN, pausedAt: null, remainingMs: 30 * MIN };

describe("SLA countdown words", () => {
  it("counts down, turns at risk, then says how long ago it breached", () => {
    expect(slaWords(base, 88 * MIN)).toMatchObject({ state: "running", text: "12 min left" });
    expect(slaWords(base, 95 * MIN)).toMatchObject({ state: "at_risk", text: "5 min left", label: "SLA at risk" });
    expect(slaWords(base, 100 * MIN - 1)).toMatchObject({ state: "at_risk", text: "<1 min left" });
    expect(slaWords(base, 100 * MIN)).toMatchObject({ state: "breached", text: "breached just now", label: "SLA breached" });
    expect(slaWords(base, 103 * MIN)).toMatchObject({ state: "breached", text: "breached 3 min ago" });
    expect(slaWords(base, 0)).toMatchObject({ text: "1 h 40 min left" });
  });

  it("says what is left while paused", () => {
    expect(slaWords({ ...base, state: "paused", dueAt: null, atRiskAt: null, pausedAt: 5, remainingMs: 20 * MIN }, 500 * MIN)).toMatchObject({ state: "paused", text: "paused, 20 min left" });
  });
});
