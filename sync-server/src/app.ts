import { registerHealth } from "./http/health.ts";
import { registerPeopleRoutes } from "./people/index.ts";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { registerAccountRoutes } from "./account/index.ts";
import { registerAiRoutes } from "./ai/index.ts";
import { registerAuditRoutes } from "./audit/index.ts";
import { registerAuthRoutes, sessionMiddleware } from "./auth/index.ts";
import { registerAdminRoutes } from "./channels/index.ts";
import { registerContactRoutes } from "./contacts/index.ts";
import { registerDataRightsRoutes } from "./data-rights/index.ts";
import { registerContentRoutes, registerViewRoutes } from "./content/index.ts";
import { registerConversationRoutes } from "./conversations/index.ts";
import type { Core } from "./core.ts";
import { registerDemoRoutes } from "./demo/index.ts";
import { ApiRegistry } from "./http/api-registry.ts";
import type { AppEnv, BodyStream } from "./http/app-env.ts";
import { handleError, notFound } from "./http/http-error.ts";
import { clientIpMiddleware, type PeerAddress } from "./http/client-ip.ts";
import { sameOriginWrites } from "./http/same-origin.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { registerMediaRoutes } from "./media/media-routes.ts";
import { registerMessageRoutes, registerUploadRoutes } from "./messages/index.ts";
import { registerNotificationRoutes } from "./notifications/index.ts";
import { registerPushRoutes } from "./push/index.ts";
import { registerRoutingRoutes, registerRoutingRuleRoutes } from "./routing/index.ts";
import type { Simulator } from "./simulator/index.ts";
import { registerSlaRoutes } from "./sla/index.ts";
import { registerSyncPullRoutes, registerSyncRoutes, type RoomSocketGateway } from "./sync/index.ts";
import { registerWebhookRoutes } from "./webhooks/index.ts";
import { registerWidgetRoutes, type WidgetSocketGateway } from "./widget/index.ts";
import { registerDirectoryRoutes, registerPreferencesRoutes } from "./workspace/index.ts";
import { registerSupervisionRoutes } from "./supervision/index.ts";
import { registerReportRoutes } from "./reports/index.ts";
import { registerInsightRoutes } from "./insights/index.ts";
import { registerTemplateRoutes } from "./templates/index.ts";

export interface AppDeps {
  /** Turns an authorised `/sync/<room>` request into a live room socket (Node: node/room-sockets.ts). */
  roomSockets: RoomSocketGateway;
  /** Turns an authorised widget `/live` request into the visitor's socket (Node: node/widget-sockets.ts). */
  widgetSockets: WidgetSocketGateway;
  /** Who is on the other end of a request's connection (Node: the socket; Workers: CF-Connecting-IP). */
  peerAddress: PeerAddress;
  /** The request body as the runtime's own stream, where reading it so costs less (Node: node/body-stream.ts). */
  bodyStream?: BodyStream;
  /**
   * The demo's channel simulator, when enabled (never in production). It mounts its own page and
   * API, so the app never loads the fake platforms (Node-only helpers among them) without it.
   */
  simulator?: Simulator;
  /** The demo is on: `/demo` serves a sample website with a web chat of the demo workspace (or the signed-in user's). */
  demo?: { workspaceId: string | null };
  /** OPS_TOKEN: the operator's token that shows /healthz's load figures (none: nobody sees them). */
  opsToken?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (default: the core's); the Worker, whose app outlives each request's core, has none. */
  trustedProxies?: readonly string[];
}

/** The one Hono app: REST, the widget API, Yjs sync. Runtime entries add static files and listen. */
export function createApp(core: Core, deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);

  app.use("*", securityHeaders());
  app.use("*", clientIpMiddleware(deps.peerAddress, deps.trustedProxies ?? core.trustedProxies));
  const { bodyStream } = deps;
  if (bodyStream) {
    app.use("*", async (c, next) => {
      c.set("bodyStream", bodyStream);
      await next();
    });
  }
  // CSRF: state-changing requests from other sites' pages are refused before any route runs.
  app.use("*", sameOriginWrites());
  // The widget runs on customers' websites and authenticates with a Bearer token, never cookies.
  // Retry-After exposed: the widget on another site waits it out after a 429 or an overloaded 503.
  app.use("/api/widget/*", cors({ origin: "*", allowHeaders: ["Content-Type", "Authorization"], allowMethods: ["GET", "POST"], exposeHeaders: ["Retry-After"] }));
  app.use("/api/*", async (c, next) => (c.req.path.startsWith("/api/widget/") ? next() : sessionMiddleware(core)(c, next)));
  app.use("/sync/*", sessionMiddleware(core));

  const api = new ApiRegistry(app);
  registerAuthRoutes(api, core);
  registerAccountRoutes(api, core);
  registerPreferencesRoutes(api, core);
  registerConversationRoutes(api, core);
  registerDirectoryRoutes(api, core);
  registerContactRoutes(api, core);
  registerSyncPullRoutes(api, core);
  registerAdminRoutes(api, core);
  registerTemplateRoutes(api, core);
  registerPeopleRoutes(api, core);
  registerRoutingRoutes(api, core);
  registerRoutingRuleRoutes(api, core);
  registerUploadRoutes(api, core);
  registerContentRoutes(api, app, core);
  registerNotificationRoutes(api, core);
  registerPushRoutes(api, core);
  registerViewRoutes(api, core);
  registerMessageRoutes(api, core);
  registerSupervisionRoutes(api, core);
  registerSlaRoutes(api, core);
  registerReportRoutes(api, core);
  registerInsightRoutes(api, core);
  registerAiRoutes(api, core);
  registerAuditRoutes(api, core);
  registerDataRightsRoutes(api, core);
  registerWidgetRoutes(api, app, core, deps.widgetSockets);
  registerSyncRoutes(app, core, deps.roomSockets);
  if (deps.demo) registerDemoRoutes(app, core, deps.demo);
  registerWebhookRoutes(app, core);
  registerMediaRoutes(app, core);
  deps.simulator?.mount(app, core);

  registerHealth(app, core, deps.opsToken);
  const openapi = api.openApiDocument({ title: "Omnichannel inbox API", version: "1" });
  app.get("/openapi.json", (c) => c.json(openapi));
  app.all("/api/*", () => {
    throw notFound("api");
  });
  return app;
}
