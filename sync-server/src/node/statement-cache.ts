import Database from "libsql";

/** Statements kept per connection; the hot paths use a few dozen texts, the rest come and go. */
const KEPT = 256;

type Statement = ReturnType<Database.Database["prepare"]>;

/** Statements (after any leading comments) after which a kept statement's list of result columns may be out of date. */
const CHANGES_SCHEMA = /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*(create|alter|drop)\b/i;

const kept = new WeakMap<object, Map<string, Statement>>();
let installed = false;

/**
 * Keeps each embedded connection's prepared statements for reuse. @libsql/client compiles every
 * statement again each time it runs it; for our hot statements (an insert that fires the change
 * sequence and media triggers, an update returning a whole JSON row) compiling costs 100–200 µs,
 * more than running them, and a customer message runs six of them. The client offers no cache
 * and holds its connections privately, so the cache goes on the driver's `prepare` (the
 * `libsql` package the client's embedded mode is built on), for this process only.
 *
 * Safe because the client uses a statement only inside one synchronous call (`all` or `run`,
 * with its modes set again each time). SQLite re-prepares a kept statement by itself when the
 * schema changes, but the driver's list of its result columns would stay as it was (a
 * `select *` after a migration added a column would name its values wrongly), so a connection
 * forgets its statements whenever it changes the schema (DDL, or a script run with `exec`, as
 * migrations are). Least recently used texts go first past KEPT, so statements whose text
 * varies with their arguments cannot grow it without bound. A kept statement holds on to its
 * last arguments until it runs again (SQLite keeps bindings across a reset): at most one batch
 * of stored webhooks or messages per bulk insert text, a bounded few hundred kilobytes.
 * Schema changes made by another process while this one runs are not seen here.
 */
export function keepPreparedStatements(): void {
  if (installed) return;
  installed = true;
  const { prepare, exec } = Database.prototype;
  Database.prototype.exec = function forgetAndExec(this: Database.Database, sql: string) {
    kept.delete(this);
    return exec.call(this, sql);
  } as typeof exec;
  Database.prototype.prepare = function keptPrepare(this: Database.Database, sql: string) {
    // A closed connection's kept statements would still run: let the driver refuse instead.
    if (CHANGES_SCHEMA.test(sql) || !this.open) {
      kept.delete(this);
      return prepare.call(this, sql);
    }
    let statements = kept.get(this);
    if (!statements) kept.set(this, (statements = new Map()));
    const hit = statements.get(sql);
    if (hit) {
      statements.delete(sql);
      statements.set(sql, hit);
      // The driver's own `pragma()` turns pluck on for its statement; a caller expects rows.
      return hit.pluck(false);
    }
    const statement = prepare.call(this, sql) as Statement;
    statements.set(sql, statement);
    if (statements.size > KEPT) statements.delete(statements.keys().next().value!);
    return statement;
  } as typeof prepare;
}
