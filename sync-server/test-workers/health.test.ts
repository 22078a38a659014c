import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { e, ORIGIN } from "./edge-env.ts";

// /healthz on Workers, with OPS_TOKEN set as a Worker secret: the load figures (every
// workspace's traffic) go only to a caller bearing that token, as on Node (http/health.ts).

async function health(authorization?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await SELF.fetch(`${ORIGIN}/healthz`, authorization ? { headers: { authorization } } : undefined);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("/healthz on Workers", () => {
  it("without the operator's token: ok and whether overloaded, no gauges", async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    // Nothing stored waits beyond the limit here (the isolate's count of the record's backlog).
    expect(body).toEqual({ ok: true, overloaded: null });
  });

  it("with the right token: the gauges, their limits and the refusal counts", async () => {
    const { status, body } = await health(`Bearer ${e.OPS_TOKEN}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      overloaded: null,
      load: {
        overloaded: null,
        webhookBacklog: expect.any(Number),
        writeQueue: expect.any(Number),
        eventLoopLagMs: 0,
        limits: { webhookBacklog: expect.any(Number), writeQueue: expect.any(Number), retryAfterSeconds: expect.any(Number) },
        refusedWebhooks: 0,
        refusedWidgetMessages: 0,
      },
    });
  });

  it("a wrong token, the token without Bearer, or one a character short sees no gauges", async () => {
    for (const authorization of ["Bearer not-the-operator-token-but-just-as-long-0123", e.OPS_TOKEN, `Bearer ${e.OPS_TOKEN.slice(0, -1)}`, `Bearer ${e.OPS_TOKEN}x`]) {
      const { status, body } = await health(authorization);
      expect(status).toBe(200);
      expect(body, authorization).toEqual({ ok: true, overloaded: null });
    }
  });
});
