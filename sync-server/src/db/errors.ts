/** True when SQLite refused a write because a unique index already holds the value. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: string; message?: string };
    if (code?.startsWith("SQLITE_CONSTRAINT") || /UNIQUE constraint failed/.test(message ?? "")) return true;
  }
  return false;
}
