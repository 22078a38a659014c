import type { Context, Hono } from "hono";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { canSeeTeam } from "@inbox/shared";
import { sessionMiddleware, type SessionReads } from "../auth/index.ts";
import { SIMULATOR_BASE } from "../channels/index.ts";
import { inboxes } from "../db/schema.ts";
import type { AppEnv, SessionUser } from "../http/app-env.ts";
import { HttpError, notFoundSaying } from "../http/http-error.ts";
import { readJson } from "../http/read-body.ts";
import { getInboxRow, type InboxRow } from "../db/read-model.ts";
import { SIGN_IN_FIRST_PAGE, SIMULATOR_PAGE, SIMULATOR_SCRIPT } from "./simulator-page.ts";
import type { Simulator } from "./simulator.ts";

const CustomerSchema = z.object({ externalId: z.string().min(1).max(128), name: z.string().trim().min(1).max(120) });
const ActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string().trim().min(1).max(4096) }),
  z.object({ kind: z.literal("image"), caption: z.string().max(1024).optional() }),
  z.object({ kind: z.literal("voice") }),
  z.object({ kind: z.literal("file") }),
  z.object({ kind: z.literal("location"), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: z.string().max(200).optional() }),
  z.object({ kind: z.literal("button"), id: z.string().min(1).max(256), title: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("block") }),
]);
const CustomerActsSchema = z.object({ customer: CustomerSchema, action: ActionSchema });
const FailureSchema = z.object({ failure: z.enum(["none", "token_expired", "blocked", "rate_limited"]) });

/**
 * The /simulator page and its API (demo only: enabled by configuration, simulator-wired inboxes
 * only). Acting as a customer and reading what agents sent is for signed-in users of the inbox's
 * workspace who may see its team; a signed-out visitor is told to sign in. The fake platforms
 * are not served here at all: connectors reach them in-process (Simulator.connectorFetch).
 */
export function registerSimulatorRoutes(app: Hono<AppEnv>, core: SessionReads, simulator: Simulator): void {
  app.use("/simulator/*", sessionMiddleware(core)); // also matches /simulator itself

  app.get("/simulator", (c) => (c.get("user") ? c.html(SIMULATOR_PAGE) : c.html(SIGN_IN_FIRST_PAGE, 401)));
  app.get("/simulator/app.js", (c) => c.body(SIMULATOR_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" }));

  app.get("/simulator/api/channels", async (c) => {
    const user = signedIn(c);
    const rows = await core.db.select().from(inboxes).where(eq(inboxes.workspaceId, user.workspaceId));
    const simulated = rows.filter((r) => r.settings.apiBaseUrl === SIMULATOR_BASE && simulator.channels().includes(r.channel) && canSeeTeam(user, r.teamId));
    return c.json({
      channels: simulated.map((r) => ({ id: r.id, name: r.name, channel: r.channel, status: r.status, pausedUntil: r.pausedUntil, sample: simulator.sample(r.channel), files: simulator.acceptsFiles(r.channel) })),
    });
  });

  app.post("/simulator/api/inboxes/:id/customer", async (c) => {
    const inbox = await visibleInbox(c);
    const body = await readJson(c, CustomerActsSchema);
    return c.json(await simulator.customerActs(inbox.id, body.customer, body.action));
  });

  app.post("/simulator/api/inboxes/:id/failure", async (c) => {
    const inbox = await visibleInbox(c);
    const body = await readJson(c, FailureSchema);
    await simulator.setFailure(inbox.id, body.failure);
    return c.json({ ok: true });
  });

  app.get("/simulator/api/inboxes/:id/sent", async (c) => {
    const inbox = await visibleInbox(c);
    return c.json({ status: inbox.status, pausedUntil: inbox.pausedUntil, sent: simulator.sentTo(inbox.id) });
  });

  /** The inbox in the path, if the caller may work on it; others' inboxes do not exist for them. */
  async function visibleInbox(c: Context<AppEnv>): Promise<InboxRow> {
    const user = signedIn(c);
    const inbox = await getInboxRow(core.db, c.req.param("id")!);
    if (!inbox || inbox.workspaceId !== user.workspaceId || !canSeeTeam(user, inbox.teamId)) throw notFoundSaying("A simulated channel");
    return inbox;
  }
}

function signedIn(c: Context<AppEnv>): SessionUser {
  const user = c.get("user");
  if (!user) throw new HttpError(401, "unauthenticated", "Sign in to the inbox in this browser to use the simulator.");
  return user;
}
