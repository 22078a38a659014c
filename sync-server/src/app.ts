import { Hono } from "hono";
import { cors } from "hono/cors";
import { sessionMiddleware } from "./auth/session-middleware.ts";
import type { Core } from "./core.ts";
import { ApiRegistry } from "./http/api-registry.ts";
import type { AppEnv } from "./http/app-env.ts";
import { HttpError, handleError } from "./http/http-error.ts";
import { clientIpMiddleware, type PeerAddress } from "./http/client-ip.ts";
import { sameOriginWrites } from "./http/same-origin.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { registerAdminRoutes } from "./channels/admin-routes.ts";
import { registerAuthRoutes } from "./auth/auth-routes.ts";
import { registerPreferencesRoutes } from "./workspace/preferences-routes.ts";
import { registerContactRoutes } from "./contacts/contact-routes.ts";
import { registerConversationRoutes } from "./conversations/conversation-routes.ts";
import { registerContentRoutes } from "./content/content-routes.ts";
import { registerNotificationRoutes } from "./notifications/notification-routes.ts";
import { registerDemoRoutes } from "./demo/demo-routes.ts";
import { registerDirectoryRoutes } from "./workspace/directory-routes.ts";
import { registerSyncPullRoutes } from "./sync/sync-pull-routes.ts";
import { registerSyncRoutes } from "./sync/sync-routes.ts";
import { registerMediaRoutes } from "./media/media-routes.ts";
import { registerMessageRoutes } from "./messages/message-routes.ts";
import { registerWebhookRoutes } from "./webhooks/webhook-routes.ts";
import { registerWidgetRoutes } from "./widget/widget-routes.ts";
import { registerRoutingRoutes } from "./routing/routing-routes.ts";
import { registerUploadRoutes } from "./messages/upload-routes.ts";
import { registerViewRoutes } from "./content/view-routes.ts";
import type { Simulator } from "./simulator/simulator.ts";
import type { RoomSocketGateway } from "./sync/socket-gateway.ts";
import type { WidgetSocketGateway } from "./widget/widget-socket-gateway.ts";
import { registerSimulatorRoutes } from "./simulator/simulator-routes.ts";

export interface AppDeps {
  /** Turns an authorised `/sync/<room>` request into a live room socket (Node: node/room-sockets.ts). */
  roomSockets: RoomSocketGateway;
  /** Turns an authorised widget `/live` request into the visitor's socket (Node: node/widget-sockets.ts). */
  widgetSockets: WidgetSocketGateway;
  /** Who is on the other end of a request's connection (Node: the socket; Workers: CF-Connecting-IP). */
  peerAddress: PeerAddress;
  /** The demo's channel simulator, when enabled (never in production). */
  simulator?: Simulator;
  /** The demo is on: `/demo` serves a sample website with a web chat of the demo workspace (or the signed-in user's). */
  demo?: { workspaceId: string | null };
}

/** The one Hono app: REST, the widget API, Yjs sync. Runtime entries add static files and listen. */
export function createApp(core: Core, deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);

  app.use("*", securityHeaders());
  app.use("*", clientIpMiddleware(deps.peerAddress, core.trustedProxies));
  // CSRF: state-changing requests from other sites' pages are refused before any route runs.
  app.use("*", sameOriginWrites());
  // The widget runs on customers' websites and authenticates with a Bearer token, never cookies.
  app.use("/api/widget/*", cors({ origin: "*", allowHeaders: ["Content-Type", "Authorization"], allowMethods: ["GET", "POST"] }));
  app.use("/api/*", async (c, next) => (c.req.path.startsWith("/api/widget/") ? next() : sessionMiddleware(core)(c, next)));
  app.use("/sync/*", sessionMiddleware(core));

  const api = new ApiRegistry(app);
  registerAuthRoutes(api, core);
  registerPreferencesRoutes(api, core);
  registerConversationRoutes(api, core);
  registerDirectoryRoutes(api, core);
  registerContactRoutes(api, core);
  registerSyncPullRoutes(api, core);
  registerAdminRoutes(api, core);
  registerRoutingRoutes(api, core);
  registerUploadRoutes(api, core);
  registerContentRoutes(api, app, core);
  registerNotificationRoutes(api, core);
  registerViewRoutes(api, core);
  registerMessageRoutes(api, core);
  registerWidgetRoutes(api, app, core, deps.widgetSockets);
  registerSyncRoutes(app, core, deps.roomSockets);
  if (deps.demo) registerDemoRoutes(app, core, deps.demo);
  registerWebhookRoutes(app, core);
  registerMediaRoutes(app, core);
  if (deps.simulator) registerSimulatorRoutes(app, core, deps.simulator);

  app.get("/healthz", async (c) => {
    await core.db.run("select 1");
    return c.json({ ok: true });
  });
  const openapi = api.openApiDocument({ title: "Omnichannel inbox API", version: "1" });
  app.get("/openapi.json", (c) => c.json(openapi));
  app.all("/api/*", () => {
    throw new HttpError(404, "not_found", "There is no such API endpoint.");
  });
  return app;
}
