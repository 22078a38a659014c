import type { Hono } from "hono";
import { createApp } from "./app.ts";
import type { Core } from "./core.ts";
import type { AppEnv } from "./http/app-env.ts";
import type { ExecutionContext, ScheduledController } from "./worker/cf-types.ts";
import type { Env } from "./worker/env.ts";
import { kickScheduler } from "./worker/scheduler-object.ts";
import { durableRoomSockets, durableWidgetSockets } from "./worker/socket-gateways.ts";
import { isSimulatorPath, simulatorEnabled, toSimulator } from "./worker/simulator-routing.ts";
import { settle, workerCoreOf } from "./worker/worker-core.ts";

export { RoomObject } from "./worker/room-object.ts";
export { VisitorObject } from "./worker/visitor-object.ts";
export { SchedulerObject } from "./worker/scheduler-object.ts";
export { SimulatorObject } from "./worker/simulator-object.ts";

/**
 * The Cloudflare Workers entry: the same Hono app as on Node (sync-server/src/node/server.ts)
 * over remote libSQL, R2 media, and Durable Objects for live rooms, widget sockets, the
 * scheduled jobs' alarm and (when ENABLE_SIMULATOR is "true") the demo's channel simulator.
 * Static files (PWA, widget) are served by `[assets]` in wrangler.toml; only the app's own paths
 * reach this code.
 */
const apps = new WeakMap<Core, Hono<AppEnv>>();

function appFor(core: Core, env: Env): Hono<AppEnv> {
  let app = apps.get(core);
  if (!app) {
    app = createApp(core, { roomSockets: durableRoomSockets(env.ROOMS), widgetSockets: durableWidgetSockets(env.VISITORS) });
    apps.set(core, app);
  }
  return app;
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const worker = await workerCoreOf(env);
    const url = new URL(request.url);
    worker.core.selfUrl ||= url.origin;
    // The demo's channel simulator keeps its fakes and "sent" lists in one Durable Object.
    const response =
      simulatorEnabled(env) && isSimulatorPath(url.pathname)
        ? await toSimulator(env.SIMULATOR, request)
        : await appFor(worker.core, env).fetch(request, env, ctx as never);
    // Work the app started after answering (webhook processing, outbox sends, writes into
    // rooms) belongs to this request: the runtime keeps it alive until that is done. A write
    // may leave a retry or a timer for later, so the scheduler looks again once it is done.
    ctx.waitUntil(settle(worker).then(() => (request.method === "GET" ? undefined : kickScheduler(env.SCHEDULER).then(() => undefined))));
    return response;
  },

  /** The cron backstop: the scheduler's alarm normally runs every job when due. */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(kickScheduler(env.SCHEDULER).then(() => undefined));
  },
};
