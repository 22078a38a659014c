/** A dry run's or a run's report in one sentence. */
import { RETENTION_MAX_DAYS, type RetentionReport } from "@inbox/shared/api/data-rights";
import { formatDateTime } from "../../format/time.ts";
import { t } from "./messages.ts";

export function reportWords(report: RetentionReport, kind: "dryRun" | "run"): string {
  const counts = { conversations: report.conversations, messages: report.messages, files: report.mediaFiles, days: report.retentionDays };
  if (report.conversations === 0) return t(kind === "dryRun" ? "wouldDeleteNothing" : "deletedNothing", counts);
  if (kind === "run") return t("deleted", counts);
  return t("wouldDelete", { ...counts, oldest: formatDateTime(report.oldestActivityAt ?? 0), newest: formatDateTime(report.newestActivityAt ?? 0) });
}

/** The days typed, if they make a policy (a whole number from 1 to RETENTION_MAX_DAYS). */
export function parseDays(text: string): number | null {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= RETENTION_MAX_DAYS && text.trim() !== "" ? n : null;
}
