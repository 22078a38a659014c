/**
 * The viewer's filters as the admin fills them in, and as the API reads them. A period is whole
 * days in the admin's own time zone: From at its first moment, To up to the end of its day.
 */
import { t } from "./messages.ts";

export interface AuditFilterDraft {
  /** A user id, or "" for anyone. */
  actor: string;
  /** An action, a `prefix.*`, several of those comma-separated (a group's "all of"), or "" for any. */
  action: string;
  target: string;
  /** `YYYY-MM-DD` from a date input, or "". */
  fromDay: string;
  toDay: string;
  q: string;
}

export const NO_FILTERS: AuditFilterDraft = { actor: "", action: "", target: "", fromDay: "", toDay: "", q: "" };

/** Midnight starting that calendar day where the browser is. */
function startOfDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

function nextDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime();
}

/** The query string for the filters, or what is wrong with them in words. */
export function filterParams(d: AuditFilterDraft): { params: URLSearchParams } | { error: string } {
  const params = new URLSearchParams();
  if (d.actor) params.set("actor", d.actor);
  if (d.action) params.set("action", d.action);
  if (d.target.trim()) params.set("target", d.target.trim());
  if (d.q.trim()) params.set("q", d.q.trim());
  const from = d.fromDay ? startOfDay(d.fromDay) : null;
  const to = d.toDay ? nextDay(d.toDay) : null;
  if (from !== null && to !== null && to <= from) return { error: t("periodOrder") };
  if (from !== null) params.set("from", String(from));
  if (to !== null) params.set("to", String(to));
  return { params };
}
