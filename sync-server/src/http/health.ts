import type { Hono } from "hono";
import type { Core } from "../core.ts";
import type { AppEnv } from "./app-env.ts";
import { timingSafeEqual } from "@inbox/connectors/src/crypto.ts";
import { bearer } from "./bearer.ts";

/**
 * `/healthz`: 200 while the process and its database answer, also when overloaded (the process
 * is healthy, only behind; a load balancer that restarted it would throw away the work in
 * memory), with why it is overloaded if it is. The backlog gauges, their limits and the refusal
 * counts (docs/SCALING.md) are the whole server's traffic, every workspace's: they are shown only
 * to a caller bearing the operator's OPS_TOKEN, and to nobody while none is set.
 */
export function registerHealth(app: Hono<AppEnv>, core: Pick<Core, "db" | "admission">, opsToken: string | undefined): void {
  app.get("/healthz", async (c) => {
    await core.db.run("select 1");
    const overloaded = core.admission.overload();
    const operator = opsToken !== undefined && (await sameSecret(bearer(c.req.header("authorization")), opsToken));
    return c.json(operator ? { ok: true, overloaded, load: core.admission.figures() } : { ok: true, overloaded });
  });
}

/** Compared as SHA-256 digests, so neither the length nor a common prefix leaks through timing. */
async function sameSecret(given: string | null, expected: string): Promise<boolean> {
  if (!given) return false;
  const digest = async (s: string) => new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)));
  return timingSafeEqual(await digest(given), await digest(expected));
}
