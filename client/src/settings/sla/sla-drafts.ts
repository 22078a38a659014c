/**
 * The forms of Settings → Business hours & SLAs as drafts (what the inputs hold, as text) and
 * their conversion to the shared schemas, with what is wrong said in the user's language. The
 * shared schemas decide what is valid (the server checks the same); this maps their verdict to
 * words.
 */
import {
  BusinessCalendarSchema,
  SlaPolicyInputSchema,
  WEEKDAYS,
  type BusinessCalendar,
  type Priority,
  type SlaPolicy,
  type SlaPolicyInput,
  type Weekday,
} from "@inbox/shared";
import { t } from "./messages.ts";

export interface CalendarDraft {
  timezone: string;
  hours: Record<Weekday, Array<{ start: string; end: string }>>;
  holidays: Array<{ date: string; name: string }>;
}

export function calendarDraft(c: BusinessCalendar): CalendarDraft {
  return {
    timezone: c.timezone,
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, c.hours[d].map((iv) => ({ ...iv }))])) as CalendarDraft["hours"],
    holidays: c.holidays.map((h) => ({ ...h })),
  };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** The calendar to save, or every problem in words (one line each, in the form's order). */
export function calendarFromDraft(d: CalendarDraft): Checked<BusinessCalendar> {
  const input = {
    timezone: d.timezone.trim(),
    hours: Object.fromEntries(WEEKDAYS.map((day) => [day, d.hours[day].map((iv) => ({ start: iv.start.trim(), end: iv.end.trim() }))])),
    holidays: d.holidays.map((h) => ({ date: h.date.trim(), name: h.name.trim() })),
  };
  const parsed = BusinessCalendarSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: string[] = [];
  for (const issue of parsed.error.issues) {
    const text = calendarIssue(issue.path, issue.code, input.timezone);
    if (!errors.includes(text)) errors.push(text);
  }
  return { ok: false, errors };
}

function calendarIssue(path: readonly PropertyKey[], code: string, zone: string): string {
  const [area, key, index, field] = path;
  if (area === "timezone") return t("errTimezone", { zone: zone || "—" });
  if (area === "hours" && typeof key === "string" && (WEEKDAYS as readonly string[]).includes(key)) {
    const day = t(key as Weekday);
    if (field !== undefined) return t("errTime", { day });
    if (index !== undefined) return t("errOrder", { day });
    return code === "too_big" ? t("errTooMany", { day }) : t("errOverlap", { day });
  }
  if (area === "holidays") {
    const n = typeof key === "number" ? key + 1 : 0;
    if (index === "name") return t("errHolidayName", { n });
    if (typeof key === "number") return t("errHolidayDate", { n });
    return code === "too_big" ? t("errTooManyHolidays") : t("errHolidayTwice");
  }
  return t("errGeneric");
}

export const TARGET_FIELDS = ["firstResponseMinutes", "nextResponseMinutes", "resolutionMinutes"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export const TARGET_LABEL: Record<TargetField, "firstResponse" | "nextResponse" | "resolution"> = {
  firstResponseMinutes: "firstResponse",
  nextResponseMinutes: "nextResponse",
  resolutionMinutes: "resolution",
};

export interface TargetDraft {
  value: string;
  unit: "minutes" | "hours";
}

export interface PolicyDraft {
  name: string;
  /** "" any inbox. */
  inboxId: string;
  /** "" any priority. */
  priority: Priority | "";
  targets: Record<TargetField, TargetDraft>;
  businessHours: boolean;
  atRiskValue: string;
  atRiskUnit: "percent" | "minutes";
}

export const EMPTY_POLICY: PolicyDraft = {
  name: "",
  inboxId: "",
  priority: "",
  targets: { firstResponseMinutes: { value: "", unit: "minutes" }, nextResponseMinutes: { value: "", unit: "minutes" }, resolutionMinutes: { value: "", unit: "hours" } },
  businessHours: true,
  atRiskValue: "20",
  atRiskUnit: "percent",
};

function targetDraft(minutes: number | null): TargetDraft {
  if (minutes === null) return { value: "", unit: "minutes" };
  return minutes % 60 === 0 ? { value: String(minutes / 60), unit: "hours" } : { value: String(minutes), unit: "minutes" };
}

export function policyDraft(p: SlaPolicyInput): PolicyDraft {
  return {
    name: p.name,
    inboxId: p.inboxId ?? "",
    priority: p.priority ?? "",
    targets: {
      firstResponseMinutes: targetDraft(p.firstResponseMinutes),
      nextResponseMinutes: targetDraft(p.nextResponseMinutes),
      resolutionMinutes: targetDraft(p.resolutionMinutes),
    },
    businessHours: p.businessHours,
    atRiskValue: String(p.atRisk.value),
    atRiskUnit: p.atRisk.unit,
  };
}

/** A target's minutes: null when empty, NaN when not a whole number of minutes. */
export function targetMinutes(d: TargetDraft): number | null {
  const text = d.value.trim().replace(",", ".");
  if (text === "") return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return NaN;
  const minutes = Number(text) * (d.unit === "hours" ? 60 : 1);
  return Number.isInteger(Math.round(minutes * 1e6) / 1e6) ? Math.round(minutes) : NaN;
}

/**
 * The policy to save, or what is wrong in words. `others`: the workspace's other policies, so
 * a second policy for the same inbox and priority is refused before the server has to.
 */
export function policyFromDraft(d: PolicyDraft, others: readonly Pick<SlaPolicy, "id" | "name" | "inboxId" | "priority">[], editingId: string | null): Checked<SlaPolicyInput> {
  const errors: string[] = [];
  const name = d.name.trim();
  if (!name || name.length > 80) errors.push(t("errName"));
  const minutes = {} as Record<TargetField, number | null>;
  for (const f of TARGET_FIELDS) {
    const m = targetMinutes(d.targets[f]);
    minutes[f] = m;
    if (m !== null && !SlaPolicyInputSchema.shape[f].safeParse(m).success) errors.push(t("errTarget", { target: t(TARGET_LABEL[f]) }));
  }
  if (TARGET_FIELDS.every((f) => minutes[f] === null)) errors.push(t("errNoTarget"));
  const atRiskText = d.atRiskValue.trim();
  const atRisk = { unit: d.atRiskUnit, value: /^\d+$/.test(atRiskText) ? Number(atRiskText) : NaN };
  if (!SlaPolicyInputSchema.shape.atRisk.safeParse(atRisk).success) errors.push(d.atRiskUnit === "percent" ? t("errAtRiskPercent") : t("errAtRiskMinutes"));
  const inboxId = d.inboxId || null;
  const priority = d.priority || null;
  const taken = others.find((p) => p.id !== editingId && p.inboxId === inboxId && p.priority === priority);
  if (taken) errors.push(t("errTaken", { name: taken.name }));
  if (errors.length) return { ok: false, errors };
  const parsed = SlaPolicyInputSchema.safeParse({ name, inboxId, priority, ...minutes, businessHours: d.businessHours, atRisk });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: [t("errGeneric")] };
}

/** "30 min", "4 h", "1 h 30 min" for a target (null: "none"). */
export function targetText(minutes: number | null): string {
  if (minutes === null) return t("noTarget");
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
