import { AsyncLocalStorage } from "node:async_hooks";
import { Hono } from "hono";
import { createApp } from "./app.ts";
import type { Core } from "./core.ts";
import type { AppEnv } from "./http/app-env.ts";
import type { ExecutionContext, ScheduledController } from "./worker/cf-types.ts";
import type { Env } from "./worker/env.ts";
import { benchProbe, isBenchProbe } from "./worker/bench-probes.ts";
import { traceOf, tracing } from "./worker/bench-trace.ts";
import { kickScheduler } from "./worker/scheduler-object.ts";
import { durableRoomSockets, durableWidgetSockets } from "./worker/socket-gateways.ts";
import { isSimulatorPath, isSimulatorPlatformPath, simulatorEnabled, toSimulator } from "./worker/simulator-routing.ts";
import { workerPeerAddress } from "./worker/peer-address.ts";
import { requestCoreOf, settle } from "./worker/worker-core.ts";

export { RoomObject } from "./worker/room-object.ts";
export { VisitorObject } from "./worker/visitor-object.ts";
export { SchedulerObject } from "./worker/scheduler-object.ts";
export { SimulatorObject } from "./worker/simulator-object.ts";

/**
 * The Cloudflare Workers entry: the same Hono app as on Node (sync-server/src/node/server.ts)
 * over remote libSQL, R2 media, and Durable Objects for live rooms, widget sockets, the
 * scheduled jobs' alarm and (when ENABLE_SIMULATOR is "true") the demo's channel simulator.
 * Static files (PWA, widget) come from `[assets]` in wrangler.toml through this code too
 * (`run_worker_first`), so they get the same security headers as on Node, where the app's
 * middleware also covers the static files mounted beside it.
 */
let app: Hono<AppEnv> | undefined;

/**
 * The core is built per request (see `requestCoreOf`), but building the Hono app costs 20–40 ms,
 * so the app is built once per isolate around this stand-in: every read of a core property is
 * the current request's core (AsyncLocalStorage follows the request's promises, including work
 * it leaves to `waitUntil`). A read outside a request (while the app is being built) throws, so
 * nothing the routes keep can belong to one request.
 */
const requestCore = new AsyncLocalStorage<Core>();
const currentCore = new Proxy({} as Core, {
  get(_target, property) {
    const core = requestCore.getStore();
    if (!core) throw new Error(`core.${String(property)} was read outside a request`);
    return Reflect.get(core, property, core) as unknown;
  },
});

/** Paths the app answers (a miss is its 404); everything else is a static file or the PWA. */
const APP_PATHS = /^\/(api|sync|webhooks|media|kb|simulator)(\/|$)|^\/(demo|healthz|openapi\.json)$/;

function appFor(env: Env): Hono<AppEnv> {
  if (!app) {
    app = new Hono<AppEnv>();
    app.route(
      "/",
      createApp(currentCore, {
        roomSockets: durableRoomSockets(env.ROOMS),
        widgetSockets: durableWidgetSockets(env.VISITORS),
        peerAddress: workerPeerAddress,
        // Cloudflare's edge is the proxy, and CF-Connecting-IP names the client (peer-address.ts).
        trustedProxies: [],
        opsToken: env.OPS_TOKEN || undefined,
        // A demo deployment (simulator on) shows /demo for the signed-in user's workspace or ?inbox=<id>.
        demo: simulatorEnabled(env) ? { workspaceId: null } : undefined,
      }),
    );
    app.all("*", async (c) => {
      if (!env.ASSETS || APP_PATHS.test(c.req.path)) return c.notFound();
      // A copy: the assets binding's response headers are immutable, and the middleware adds to them.
      const res = await env.ASSETS.fetch(c.req.raw);
      return new Response(res.body, res);
    });
  }
  return app;
}

/** The app answers in this request's core; built outside it, so nothing it keeps is one request's. */
function serve(handler: Hono<AppEnv>, core: Core, request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  return requestCore.run(core, async () => handler.fetch(request, env, ctx as never));
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (tracing(env) && isBenchProbe(url.pathname)) return benchProbe(url, env);
    const trace = traceOf(request, env);
    const worker = trace ? await trace.time("core", () => requestCoreOf(env, trace)) : await requestCoreOf(env);
    worker.core.endpoints.selfUrl ||= url.origin;
    // The demo's channel simulator keeps its fakes and "sent" lists in one Durable Object. Its
    // fake platforms are for this deployment's connectors only, which reach the object directly.
    const response = isSimulatorPlatformPath(url.pathname)
      ? new Response("Not Found", { status: 404 })
      : simulatorEnabled(env) && isSimulatorPath(url.pathname)
        ? await toSimulator(env.SIMULATOR, request)
        : await serve(appFor(env), worker.core, request, env, ctx);
    // Work the app started after answering (webhook processing, outbox sends, writes into
    // rooms) belongs to this request: the runtime keeps it alive until that is done. A write
    // may leave a retry or a timer for later, so the scheduler looks again once it is done.
    trace?.mark("answered");
    ctx.waitUntil(
      settle(worker).then(async () => {
        trace?.mark("settled");
        await trace?.emit("worker");
        if (request.method !== "GET") await kickScheduler(env.SCHEDULER);
      }),
    );
    return response;
  },

  /** The cron backstop: the scheduler's alarm normally runs every job when due. */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(kickScheduler(env.SCHEDULER).then(() => undefined));
  },
};
