import { getTableColumns, getTableName, sql, type Column, type InferInsertModel, type InferSelectModel, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * Whole rows read as one JSON text each, for the hot paths that read many wide rows (routing's
 * offers, a team room's load, device pulls).
 *
 * Why not the driver's rows: @libsql/client turns every row into an object with two defined
 * properties per column, each integer through a BigInt, before drizzle maps it again. For a
 * 28-column conversation that costs about 20 µs a row, more than the query that found it;
 * SQLite's `json_object` builds the same row natively and `JSON.parse` reads it in about 1 µs.
 * The row that comes out is what drizzle's own select would give: each column's value goes
 * through the column's own `mapFromDriverValue` (JSON text parsed, 0/1 as booleans), null stays
 * null.
 *
 * Only for tables without blob columns (JSON cannot hold them) or real ones (`json_object`
 * writes a REAL with 15 significant digits), and with at most 63 columns (`json_object` takes
 * at most 127 arguments).
 */
export interface JsonRows<Row> {
  /** The row as one JSON text: select or return it as a single field. */
  readonly row: SQL<string>;
  /** The row drizzle would have given, from that text. */
  parse(text: string): Row;
  /** The rows of a query that selected or returned `row` as the field `row`. */
  parseAll(rows: readonly { row: string }[]): Row[];
}

function refuseUnfaithful(column: Column): void {
  const type = column.getSQLType();
  if (type === "blob") throw new Error(`jsonRows: the blob column ${column.name} cannot travel in JSON`);
  if (type === "real" || type === "numeric") throw new Error(`jsonRows: the ${type} column ${column.name} would come back rounded`);
}

const made = new WeakMap<SQLiteTable, JsonRows<unknown>>();

export function jsonRows<T extends SQLiteTable>(table: T): JsonRows<InferSelectModel<T>> {
  const known = made.get(table);
  if (known) return known as JsonRows<InferSelectModel<T>>;
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  if (columns.length > 63) throw new Error(`jsonRows: ${columns.length} columns is more than json_object takes`);
  for (const [, column] of columns) refuseUnfaithful(column);
  const row = sql<string>`json_object(${sql.join(
    columns.map(([, column]) => sql`${sql.raw(`'${column.name}'`)}, ${column}`),
    sql`, `,
  )})`;
  const parse = (text: string): InferSelectModel<T> => {
    const stored = JSON.parse(text) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = stored[column.name];
      out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return out as InferSelectModel<T>;
  };
  const rows: JsonRows<InferSelectModel<T>> = { row, parse, parseAll: (found) => found.map((r) => parse(r.row)) };
  made.set(table, rows);
  return rows;
}

/**
 * A multi-row INSERT whose rows travel as one JSON parameter, read back with `json_each`: the
 * same statement text whatever the number of rows. Why not drizzle's `insert().values(rows)`:
 * it builds the statement column by column for every row (its entity checks dominate an
 * ingest profile), and SQLite then compiles a fresh statement with thousands of placeholders
 * for each batch. Each value goes through its column's own `mapToDriverValue` first (JSON
 * columns as text, booleans as 0/1), so what is stored is what drizzle would store.
 *
 * Every row must give the same columns; a column left out takes its SQL default. `tail`
 * follows the SELECT (e.g. `on conflict do nothing returning …`).
 */
export function insertJsonRows<T extends SQLiteTable>(table: T, rows: readonly InferInsertModel<T>[], tail: SQL = sql``): SQL {
  if (rows.length === 0) throw new Error("insertJsonRows: no rows");
  const given = Object.keys(rows[0]!).filter((key) => rows[0]![key as keyof typeof rows[0]] !== undefined);
  const all = getTableColumns(table) as Record<string, Column>;
  const columns = given.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`insertJsonRows: ${getTableName(table)} has no column ${key}`);
    if (column.getSQLType() === "blob") throw new Error(`insertJsonRows: the blob column ${column.name} cannot travel in JSON`);
    return [key, column] as const;
  });
  const values = rows.map((row) => {
    const record = row as Record<string, unknown>;
    if (Object.keys(record).filter((key) => record[key] !== undefined).length !== columns.length) {
      throw new Error(`insertJsonRows: every row of ${getTableName(table)} must give the same columns`);
    }
    return columns.map(([key, column]) => {
      const value = record[key];
      if (value === undefined) throw new Error(`insertJsonRows: a row of ${getTableName(table)} leaves out ${key}`);
      return value === null ? null : column.mapToDriverValue(value);
    });
  });
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(", "));
  const picks = sql.raw(columns.map((_, i) => `value ->> ${i}`).join(", "));
  // `where true`: an upsert on an INSERT … SELECT needs a WHERE, or SQLite reads ON as a join's.
  return sql`insert into ${table} (${names}) select ${picks} from json_each(${jsonParam(values)}) where true order by key ${tail}`;
}

/**
 * A value as JSON text for SQLite's JSON functions (`json_each`, `->>`). A string with a lone
 * UTF-16 surrogate (a customer's client can send one) becomes a `\ud800` escape, which SQLite
 * decodes into bytes that are not UTF-8; the driver then aborts the whole process when it reads
 * them back. Bound directly, such a string is stored with U+FFFD in its place, so here too.
 */
export function jsonParam(value: unknown): string {
  const text = JSON.stringify(value);
  // JSON.stringify escapes only lone surrogates this way (a pair is written as it is); the test
  // also matches a backslash the text itself holds, which only costs the slower path.
  return LONE_SURROGATE_ESCAPE.test(text) ? JSON.stringify(value, wellFormed) : text;
}

const LONE_SURROGATE_ESCAPE = /\\ud[89a-f]/i;

function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === "string" ? (value as string & { toWellFormed(): string }).toWellFormed() : value;
}
