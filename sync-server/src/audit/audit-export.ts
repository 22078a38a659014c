import type { AuditEntry, AuditExportFormat } from "@inbox/shared/api/audit";

const CSV_COLUMNS = ["id", "time_utc", "actor_id", "actor_name", "action", "target", "ip", "user_agent", "change"] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * A spreadsheet would run a field starting with = + - @ (or a tab or carriage return) as a
 * formula, and names and changes are typed by people: such a field starts with ' to stay text.
 */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(e: AuditEntry): string {
  const values = [String(e.id), new Date(e.at).toISOString(), e.actorId ?? "", e.actorName ?? "", e.action, e.target ?? "", e.ip ?? "", e.userAgent ?? "", JSON.stringify(e.data)];
  return values.map(csvField).join(",");
}

/** The export's file: its body, type and name. */
export function exportFile(entries: AuditEntry[], format: AuditExportFormat, now: number): { body: string; contentType: string; filename: string } {
  const day = new Date(now).toISOString().slice(0, 10);
  if (format === "csv") {
    return { body: [CSV_COLUMNS.join(","), ...entries.map(csvRow)].join("\r\n") + "\r\n", contentType: "text/csv; charset=utf-8", filename: `audit-log-${day}.csv` };
  }
  return { body: entries.map((e) => JSON.stringify(e) + "\n").join(""), contentType: "application/x-ndjson; charset=utf-8", filename: `audit-log-${day}.jsonl` };
}
