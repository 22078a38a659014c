import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "@inbox/shared";
import { calendarDraft, calendarFromDraft, EMPTY_POLICY, policyDraft, policyFromDraft, targetMinutes, targetText, type PolicyDraft } from "./sla-drafts.ts";

describe("business hours draft", () => {
  it("round-trips a valid calendar, trimming what was typed", () => {
    const d = calendarDraft({ ...DEFAULT_CALENDAR, timezone: "America/Sao_Paulo", holidays: [{ date: "2026-12-25", name: "Natal" }] });
    d.hours.sat.push({ start: " 09:00", end: "13:00 " });
    d.hours.sun.push({ start: "20:00", end: "24:00" });
    const r = calendarFromDraft(d);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.hours.sat).toEqual([{ start: "09:00", end: "13:00" }]);
  });

  it("says in words what is wrong: zone, time format, order, overlap, holiday date and duplicates", () => {
    const d = calendarDraft(DEFAULT_CALENDAR);
    d.timezone = "Mars/Olympus";
    d.hours.mon = [{ start: "9", end: "18:00" }];
    d.hours.tue = [{ start: "18:00", end: "09:00" }];
    d.hours.wed = [{ start: "09:00", end: "13:00" }, { start: "12:00", end: "18:00" }];
    d.holidays = [{ date: "25/12/2026", name: "" }];
    const r = calendarFromDraft(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(expect.arrayContaining([
      "Mars/Olympus is not a time zone we know. Pick one from the list.",
      "Monday: enter times like 09:00 or 17:30 (24:00 for midnight at the end).",
      "Tuesday: each interval must end after it starts.",
      "Wednesday: the opening hours overlap.",
      "Holiday 1: enter a date like 2026-12-25.",
    ]));
    const twice = calendarDraft({ ...DEFAULT_CALENDAR, holidays: [{ date: "2026-01-01", name: "A" }, { date: "2026-01-01", name: "B" }] });
    const r2 = calendarFromDraft(twice);
    expect(r2.ok ? [] : r2.errors).toEqual(["A date is listed twice among the holidays."]);
  });
});

describe("SLA policy draft", () => {
  const draft = (over: Partial<PolicyDraft> = {}): PolicyDraft => ({ ...EMPTY_POLICY, name: "Default", ...over, targets: { ...EMPTY_POLICY.targets, ...over.targets } });

  it("turns minutes and hours into minutes; empty means no target", () => {
    expect(targetMinutes({ value: "", unit: "minutes" })).toBeNull();
    expect(targetMinutes({ value: "45", unit: "minutes" })).toBe(45);
    expect(targetMinutes({ value: "1,5", unit: "hours" })).toBe(90);
    expect(targetMinutes({ value: "0.01", unit: "hours" })).toBeNaN();
    expect(targetMinutes({ value: "ten", unit: "minutes" })).toBeNaN();
    expect(targetText(90)).toBe("1 h 30 min");
    expect(targetText(240)).toBe("4 h");
    expect(targetText(null)).toBe("none");
  });

  it("builds the policy input, and round-trips through the form (whole hours shown as hours)", () => {
    const r = policyFromDraft(draft({ inboxId: "in1", priority: "urgent", targets: { firstResponseMinutes: { value: "1", unit: "minutes" }, nextResponseMinutes: { value: "", unit: "minutes" }, resolutionMinutes: { value: "8", unit: "hours" } }, businessHours: false }), [], null);
    expect(r).toEqual({ ok: true, value: { name: "Default", inboxId: "in1", priority: "urgent", firstResponseMinutes: 1, nextResponseMinutes: null, resolutionMinutes: 480, businessHours: false, atRisk: { unit: "percent", value: 20 } } });
    if (r.ok) expect(policyDraft(r.value).targets.resolutionMinutes).toEqual({ value: "8", unit: "hours" });
  });

  it("says what is wrong: no name, no target, a bad threshold, a policy already covering the inbox and priority", () => {
    const others = [{ id: "p1", name: "Everything", inboxId: null, priority: null }];
    const r = policyFromDraft(draft({ name: " ", atRiskValue: "100" }), others, null);
    expect(r.ok ? [] : r.errors).toEqual([
      "Give the policy a name (at most 80 characters).",
      "Set at least one target (first response, next response or resolution).",
      "At risk: enter a percentage from 1 to 99.",
      "The policy Everything already covers this inbox and priority; change that one instead.",
    ]);
    // Editing that same policy is not a clash with itself.
    const same = policyFromDraft(draft({ targets: { ...EMPTY_POLICY.targets, firstResponseMinutes: { value: "0", unit: "minutes" } } }), others, "p1");
    expect(same.ok ? [] : same.errors).toEqual(["First response: enter a whole number of minutes, or hours (at least 1 minute, at most a year)."]);
  });
});
