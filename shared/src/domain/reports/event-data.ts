import { ConversationStatusSchema, type ConversationStatus } from "../conversation.ts";
import type { ReportEvent } from "./types.ts";

// Event data is JSON written by many places: read it defensively, never trust its shape.

export function dataString(e: ReportEvent, key: string): string | null {
  const v = e.data[key];
  return typeof v === "string" && v.length > 0 ? v : null;
}

export function dataNumber(e: ReportEvent, key: string): number | null {
  const v = e.data[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function dataStatus(e: ReportEvent, key: string): ConversationStatus | null {
  const parsed = ConversationStatusSchema.safeParse(e.data[key]);
  return parsed.success ? parsed.data : null;
}

/** Record order: by time, ties kept in the order given (the table's rowid order). */
export function inRecordOrder<T extends { at: number }>(list: readonly T[]): T[] {
  return list
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([e]) => e);
}
