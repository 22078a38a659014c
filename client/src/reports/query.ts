/**
 * The question the screen asks: its filters, how they read and write the page's query string
 * (so a report is a link), how they become the API's query string (the report, its drill-down
 * and its CSV links ask the same question), and the device's copy of the last report viewed
 * (`kv` `reports:last`), shown offline with its time.
 */
import { z } from "zod";
import { REPORT_PRESETS, ReportDrillResponseSchema, ReportResponseSchema, type DrillMetric, type ReportDrillResponse, type ReportPreset, type ReportResponse, type ReportTable } from "@inbox/shared/api/reports";
import { GRANULARITIES, type Granularity } from "@inbox/shared/domain/reports/index";
import { request } from "../api/http.ts";
import type { LocalDb } from "../local/db.ts";
import { datesToPeriod, isDate, isTimeZone } from "./period.ts";

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface ReportFilters {
  /** A named period, or "custom": the local days `fromDate` to `toDate` (inclusive, "yyyy-MM-dd"). */
  preset: ReportPreset | "custom";
  fromDate: string;
  toDate: string;
  /** IANA zone of the days, the series and the heatmap; "" is the workspace's. */
  timeZone: string;
  granularity: Granularity;
  clock: "calendar" | "business";
  team: string;
  agent: string;
  inbox: string;
  channel: string;
  label: string;
  priority: Priority | "";
}

export const DEFAULT_FILTERS: ReportFilters = { preset: "today", fromDate: "", toDate: "", timeZone: "", granularity: "hour", clock: "calendar", team: "", agent: "", inbox: "", channel: "", label: "", priority: "" };

/** Filters that are one free value each, written to both query strings as they are. */
const PLAIN = ["team", "agent", "inbox", "channel", "label"] as const;
const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The page's query string → filters; anything unknown or malformed falls back to the default. */
export function filtersFromSearch(search: string): ReportFilters {
  const q = new URLSearchParams(search);
  const f: ReportFilters = { ...DEFAULT_FILTERS };
  const preset = q.get("preset");
  const from = q.get("from") ?? "";
  const to = q.get("to") ?? "";
  if (isDate(from) && isDate(to) && from <= to) Object.assign(f, { preset: "custom", fromDate: from, toDate: to });
  else if ((REPORT_PRESETS as readonly string[]).includes(preset ?? "")) f.preset = preset as ReportPreset;
  const zone = q.get("timeZone") ?? "";
  if (isTimeZone(zone)) f.timeZone = zone;
  const granularity = q.get("granularity") ?? "";
  if ((GRANULARITIES as readonly string[]).includes(granularity)) f.granularity = granularity as Granularity;
  if (q.get("clock") === "business") f.clock = "business";
  for (const k of PLAIN) {
    const v = (q.get(k) ?? "").trim();
    if (v && (k === "label" ? v.length <= 64 : ID.test(v))) f[k] = v;
  }
  const priority = q.get("priority") ?? "";
  if ((PRIORITIES as readonly string[]).includes(priority)) f.priority = priority as Priority;
  return f;
}

/** Filters → the page's query string: only what differs from the default, days as dates. */
export function searchOf(f: ReportFilters): string {
  const q = new URLSearchParams();
  if (f.preset === "custom") {
    q.set("from", f.fromDate);
    q.set("to", f.toDate);
  } else if (f.preset !== DEFAULT_FILTERS.preset) q.set("preset", f.preset);
  if (f.timeZone) q.set("timeZone", f.timeZone);
  if (f.granularity !== DEFAULT_FILTERS.granularity) q.set("granularity", f.granularity);
  if (f.clock !== DEFAULT_FILTERS.clock) q.set("clock", f.clock);
  for (const k of PLAIN) if (f[k]) q.set(k, f[k]);
  if (f.priority) q.set("priority", f.priority);
  return q.toString();
}

/** What the API is asked: the filters with a custom period as instants of its zone. */
export type ReportQuestion = Omit<ReportFilters, "preset" | "fromDate" | "toDate"> & {
  period: { preset: ReportPreset } | { from: number; to: number };
};

/**
 * The question the filters ask. A custom period needs its zone: the chosen one, else the
 * workspace's (known from a report's `period.timeZone`); null while neither is known or the days
 * make no period.
 */
export function questionOf(f: ReportFilters, workspaceZone: string | null): ReportQuestion | null {
  const { preset, fromDate, toDate, ...rest } = f;
  if (preset !== "custom") return { ...rest, period: { preset } };
  const zone = f.timeZone || workspaceZone;
  const period = zone ? datesToPeriod(fromDate, toDate, zone) : null;
  return period ? { ...rest, period } : null;
}

export function queryString(q: ReportQuestion, extra: Record<string, string> = {}): string {
  const s = new URLSearchParams("preset" in q.period ? { preset: q.period.preset } : { from: String(q.period.from), to: String(q.period.to) });
  s.set("granularity", q.granularity);
  s.set("clock", q.clock);
  if (q.timeZone) s.set("timeZone", q.timeZone);
  for (const k of PLAIN) if (q[k]) s.set(k, q[k]);
  if (q.priority) s.set("priority", q.priority);
  for (const [k, v] of Object.entries(extra)) s.set(k, v);
  return s.toString();
}

export const fetchReport = (q: ReportQuestion): Promise<ReportResponse> => request(`/api/reports?${queryString(q)}`, { schema: ReportResponseSchema });

/** `bucket`: one point of the series (its start), instead of the whole period; `band`: one band of a time metric's distribution. */
export const fetchDrill = (q: ReportQuestion, metric: DrillMetric, only: { bucket?: number; band?: number } = {}): Promise<ReportDrillResponse> =>
  request(
    `/api/reports/conversations?${queryString(q, { metric, ...(only.bucket === undefined ? {} : { bucket: String(only.bucket) }), ...(only.band === undefined ? {} : { band: String(only.band) }) })}`,
    { schema: ReportDrillResponseSchema },
  );

export const csvHref = (q: ReportQuestion, table: ReportTable): string => `/api/reports/export.csv?${queryString(q, { table })}`;

export const KV_REPORT = "reports:last";

const StoredSchema = z.object({
  at: z.number(),
  filters: z.record(z.string(), z.unknown()),
  report: ReportResponseSchema,
});
export interface StoredReport {
  at: number;
  filters: ReportFilters;
  report: ReportResponse;
}

export function saveReport(db: LocalDb | null, stored: StoredReport): void {
  void db?.kv.put({ key: KV_REPORT, value: stored }).catch(() => {});
}

/** The device's copy; a copy saved by an older screen (other figures) reads as none. */
export async function loadReport(db: LocalDb | null): Promise<StoredReport | null> {
  if (!db) return null;
  const row = await db.kv.get(KV_REPORT).catch(() => undefined);
  const parsed = StoredSchema.safeParse(row?.value);
  return parsed.success ? { at: parsed.data.at, filters: { ...DEFAULT_FILTERS, ...(parsed.data.filters as Partial<ReportFilters>) }, report: parsed.data.report } : null;
}
