import type { Hono } from "hono";
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Core } from "../core.ts";
import { SIMULATOR_BASE } from "../channels/channel-access.ts";
import { inboxes } from "../db/schema.ts";
import type { AppEnv } from "../http/app-env.ts";
import { readJson } from "../http/read-body.ts";
import { SIMULATOR_PAGE, SIMULATOR_SCRIPT } from "./simulator-page.ts";
import type { Simulator } from "./simulator.ts";

const CustomerSchema = z.object({ externalId: z.string().min(1).max(128), name: z.string().trim().min(1).max(120) });
const ActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().trim().min(1).max(4096) }),
  z.object({ kind: z.literal("image"), caption: z.string().max(1024).optional() }),
  z.object({ kind: z.literal("voice") }),
  z.object({ kind: z.literal("location"), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().max(200).optional() }),
  z.object({ kind: z.literal("button"), id: z.string().min(1).max(256), title: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("block") }),
]);
const CustomerActsSchema = z.object({ customer: CustomerSchema, action: ActionSchema });
const FailureSchema = z.object({ failure: z.enum(["none", "token_expired", "blocked", "rate_limited"]) });

/** The /simulator page and its API (demo only: enabled by configuration, simulator-wired inboxes only). */
export function registerSimulatorRoutes(app: Hono<AppEnv>, core: Core, simulator: Simulator): void {
  app.get("/simulator", (c) => c.html(SIMULATOR_PAGE));
  app.get("/simulator/app.js", (c) => c.body(SIMULATOR_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" }));

  app.all("/simulator/platform/:inboxId/*", async (c) => {
    const inboxId = c.req.param("inboxId");
    return simulator.platformCall(inboxId, c.req.raw, `/simulator/platform/${inboxId}`);
  });

  app.get("/simulator/api/channels", async (c) => {
    const rows = await core.db.select().from(inboxes);
    const simulated = rows.filter((r) => r.settings.apiBaseUrl === SIMULATOR_BASE && simulator.channels().includes(r.channel));
    return c.json({
      channels: simulated.map((r) => ({ id: r.id, name: r.name, channel: r.channel, status: r.status, pausedUntil: r.pausedUntil, sample: simulator.sample(r.channel) })),
    });
  });

  app.post("/simulator/api/inboxes/:id/customer", async (c) => {
    const body = await readJson(c, CustomerActsSchema);
    return c.json(await simulator.customerActs(c.req.param("id"), body.customer, body.action));
  });

  app.post("/simulator/api/inboxes/:id/failure", async (c) => {
    const body = await readJson(c, FailureSchema);
    await simulator.setFailure(c.req.param("id"), body.failure);
    return c.json({ ok: true });
  });

  app.get("/simulator/api/inboxes/:id/sent", async (c) => {
    const inbox = await core.db.query.inboxes.findFirst({ where: eq(inboxes.id, c.req.param("id")) });
    return c.json({ status: inbox?.status ?? null, pausedUntil: inbox?.pausedUntil ?? null, sent: simulator.sentTo(c.req.param("id")) });
  });
}
