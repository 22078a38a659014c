import type { Context } from "hono";

/** Best-effort caller address for the audit log (set by the proxy or the runtime). */
export function clientIp(c: Context): string | null {
  return c.req.header("cf-connecting-ip") ?? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
}
