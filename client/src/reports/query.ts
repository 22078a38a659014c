/**
 * The question the screen asks (filters → query string), its requests, and the device's copy of
 * the last report viewed (`kv` `reports:last`), shown offline with its time.
 */
import { z } from "zod";
import { ReportDrillResponseSchema, ReportResponseSchema, type DrillMetric, type ReportDrillResponse, type ReportPreset, type ReportResponse, type ReportTable } from "@inbox/shared/api/reports";
import type { Granularity } from "@inbox/shared/domain/reports/index";
import { request } from "../api/http.ts";
import type { LocalDb } from "../local/db.ts";

export interface ReportFilters {
  preset: ReportPreset;
  granularity: Granularity;
  clock: "calendar" | "business";
  team: string;
  agent: string;
}

export const DEFAULT_FILTERS: ReportFilters = { preset: "today", granularity: "hour", clock: "calendar", team: "", agent: "" };

export function queryString(f: ReportFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ preset: f.preset, granularity: f.granularity, clock: f.clock });
  if (f.team) q.set("team", f.team);
  if (f.agent) q.set("agent", f.agent);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export const fetchReport = (f: ReportFilters): Promise<ReportResponse> => request(`/api/reports?${queryString(f)}`, { schema: ReportResponseSchema });

export const fetchDrill = (f: ReportFilters, metric: DrillMetric): Promise<ReportDrillResponse> =>
  request(`/api/reports/conversations?${queryString(f, { metric })}`, { schema: ReportDrillResponseSchema });

export const csvHref = (f: ReportFilters, table: ReportTable): string => `/api/reports/export.csv?${queryString(f, { table })}`;

export const KV_REPORT = "reports:last";

const StoredSchema = z.object({
  at: z.number(),
  filters: z.object({ preset: z.string(), granularity: z.string(), clock: z.string(), team: z.string(), agent: z.string() }),
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

export async function loadReport(db: LocalDb | null): Promise<StoredReport | null> {
  if (!db) return null;
  const row = await db.kv.get(KV_REPORT).catch(() => undefined);
  const parsed = StoredSchema.safeParse(row?.value);
  return parsed.success ? (parsed.data as StoredReport) : null;
}
