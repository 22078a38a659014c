/**
 * One line for a bulk action's answers, in the agent's language: "12 assigned to Ana · 2 not:
 * over capacity (1), already changed by someone else (1)", with "3 waiting to send" while some
 * are still queued (offline). Pure over the stored group, so the wording is unit-tested.
 */
import type { BulkGroup } from "../sync/bulk-ledger.ts";
import { formatDateTime } from "../format/time.ts";
import { priorityWord } from "../format/status-words.ts";
import { t } from "./messages.ts";

export type FailReason = "overCapacity" | "conflict" | "forbidden" | "notFound" | "invalid" | "other";

const BY_CODE: Record<string, FailReason> = {
  over_capacity: "overCapacity",
  conflict: "conflict",
  forbidden: "forbidden",
  not_found: "notFound",
  validation_failed: "invalid",
  bad_request: "invalid",
};

export interface BulkSummary {
  done: number;
  waiting: number;
  settled: boolean;
  /** Reasons in order of first appearance, with how many each. */
  reasons: { reason: FailReason; count: number }[];
  /** Each conversation not changed, with the server's words (e.g. "Sam already gave this chat to Ana."). */
  failures: { conversationId: string; contactName: string; message: string }[];
  text: string;
}

export function summarize(group: BulkGroup, timeZone?: string): BulkSummary {
  let done = 0;
  let waiting = 0;
  const reasons = new Map<FailReason, number>();
  const failures: BulkSummary["failures"] = [];
  for (const target of group.targets) {
    const r = group.results[target.clientId];
    if (!r) waiting++;
    else if (r.ok) done++;
    else {
      const reason = BY_CODE[r.code ?? ""] ?? "other";
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      failures.push({ conversationId: target.conversationId, contactName: target.contactName, message: r.message ?? "" });
    }
  }
  const parts: string[] = [];
  // Nothing answered yet (offline): say what waits, not "0 assigned".
  if (done === 0 && failures.length === 0 && waiting > 0) parts.push(words(group, "a", 0, timeZone));
  else if (done > 0 || failures.length === 0) parts.push(words(group, "done", done, timeZone));
  if (failures.length > 0) {
    const list = [...reasons].map(([reason, count]) => (reasons.size === 1 && count === failures.length ? t(`r_${reason}`) : t("reasonCount", { reason: t(`r_${reason}`), count })));
    parts.push(t("notDone", { count: failures.length, reasons: list.join(", ") }));
  }
  if (waiting > 0) parts.push(t("waiting", { count: waiting }));
  const text = parts.length === 2 && done === 0 && failures.length === 0 ? parts.join(": ") : parts.join(" · ");
  return { done, waiting, settled: waiting === 0, reasons: [...reasons].map(([reason, count]) => ({ reason, count })), failures, text };
}

/** "3 assigned to Ana" (done) or "Assign to Ana" (a: the action, while nothing has landed). */
function words(group: BulkGroup, form: "done" | "a", count: number, timeZone?: string): string {
  const a = group.action;
  switch (a.kind) {
    case "assign":
      return t(`${form}_assign`, { count, name: a.assigneeName });
    case "transfer":
      return t(`${form}_transfer`, { count, team: a.teamName });
    case "resolve":
      return t(`${form}_resolve`, { count });
    case "label":
      return t(`${form}_label`, { count, label: a.label });
    case "priority":
      return t(`${form}_priority`, { count, priority: priorityWord(a.priority) });
    case "snooze":
      return t(`${form}_snooze`, { count, time: formatDateTime(a.until, { timeZone }) });
  }
}
