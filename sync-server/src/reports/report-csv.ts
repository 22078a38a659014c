import type { ReportTable } from "@inbox/shared/api/reports";
import { DURATION_METRICS, durationBandRange, type AgentFigures, type Figures, type Report, type TimeStat } from "@inbox/shared/domain/reports/index";
import type { ReportNames } from "./report-names.ts";

type Cell = string | number | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * Written by hand rather than with a library: this and the formula guard are the whole of it,
 * and the tables are built in memory anyway. Names are typed by people and a spreadsheet runs a
 * field starting with = + - @ (or a tab or carriage return) as a formula: such a field starts
 * with ' so it stays text. Numbers are ours and never negative, so they pass as they are.
 */
export function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const round = (v: number | null) => (v === null ? null : Math.round(v));

const TIME_COLUMNS = DURATION_METRICS.flatMap((m) => [`${snake(m)}_count`, `${snake(m)}_median_ms`, `${snake(m)}_p90_ms`, `${snake(m)}_average_ms`]);
const timeCells = (times: Record<string, TimeStat>): Cell[] => DURATION_METRICS.flatMap((m) => [times[m]!.count, times[m]!.median, times[m]!.p90, round(times[m]!.average)]);

const MESSAGE_KEYS = ["received", "sent", "delivered", "read", "failed", "unconfirmed", "autoReplies"] as const;

const FIGURE_COLUMNS = [
  "conversations_total",
  "conversations_new",
  "conversations_reopened",
  "conversations_attended",
  "conversations_reassigned",
  "conversations_resolved",
  "contacts_new",
  "contacts_returning",
  "messages_awaiting_read",
  ...TIME_COLUMNS,
  ...MESSAGE_KEYS.map((k) => `messages_${snake(k)}`),
  "sla_met",
  "sla_breached",
];

function figureCells(f: Figures): Cell[] {
  const c = f.conversations;
  return [
    c.total,
    c.new,
    c.reopened,
    c.attended,
    c.reassigned,
    c.resolved,
    f.contacts.new,
    f.contacts.returning,
    f.contacts.messagesAwaitingRead,
    ...timeCells(f.times),
    ...MESSAGE_KEYS.map((k) => f.messages[k]),
    f.sla?.met ?? null,
    f.sla?.breached ?? null,
  ];
}

function agentCells(a: AgentFigures): Cell[] {
  return [a.chatsAttended, a.reopens, a.resolved, ...timeCells(a.times), a.sla?.met ?? null, a.sla?.breached ?? null];
}

/** A band's column: its range in ms, e.g. "60000_300000_ms", the last one open ("259200000_ms_or_more"). */
function bandColumn(band: number): string {
  const { from, to } = durationBandRange(band);
  return to === null ? `${from}_ms_or_more` : `${from}_${to}_ms`;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export interface CsvSource {
  report: Report;
  byTeam: Record<string, Figures>;
  byInbox: Record<string, Figures>;
  byChannel: Record<string, Figures>;
  names: ReportNames;
}

/** One table of the Reports screen as rows, a header first. Durations are in ms (averages rounded). */
export function tableRows(table: ReportTable, s: CsvSource): Cell[][] {
  switch (table) {
    case "agents":
      return [
        ["agent_id", "agent_name", "chats_attended", "reopens", "resolved", ...TIME_COLUMNS, "sla_met", "sla_breached"],
        ...Object.entries(s.report.byAgent).map(([id, a]) => [id, s.names.agents[id] ?? "", ...agentCells(a)]),
      ];
    case "teams":
      return [["team_id", "team_name", ...FIGURE_COLUMNS], ...Object.entries(s.byTeam).map(([id, f]) => [id, s.names.teams[id] ?? "", ...figureCells(f)])];
    case "inboxes":
      return [
        ["inbox_id", "inbox_name", "channel", ...FIGURE_COLUMNS],
        ...Object.entries(s.byInbox).map(([id, f]) => [id, s.names.inboxes[id]?.name ?? "", s.names.inboxes[id]?.channel ?? "", ...figureCells(f)]),
      ];
    case "channels":
      return [["channel", ...FIGURE_COLUMNS], ...Object.entries(s.byChannel).map(([channel, f]) => [channel, ...figureCells(f)])];
    case "series":
      return [
        ["bucket_start_utc", "bucket", ...FIGURE_COLUMNS],
        ...s.report.series.points.map((p) => [new Date(p.start).toISOString(), p.label, ...figureCells(p.figures)]),
      ];
    case "messages":
      return [["status", "messages"], ...MESSAGE_KEYS.map((k) => [snake(k), s.report.totals.messages[k]])];
    case "distribution":
      return [
        ["metric", "count", ...s.report.totals.times.firstResponse.bands.map((_, b) => bandColumn(b))],
        ...DURATION_METRICS.map((m) => [snake(m), s.report.totals.times[m].count, ...s.report.totals.times[m].bands]),
      ];
    case "heatmap":
      return [["weekday", ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`)], ...s.report.heatmap.map((hours, d) => [WEEKDAYS[d]!, ...hours])];
  }
}
