import type { Hono } from "hono";
import {
  WidgetConfigResponseSchema,
  WidgetLiveTicketResponseSchema,
  WidgetMessageResponseSchema,
  WidgetMessagesResponseSchema,
  WidgetSendRequestSchema,
  WidgetSessionRequestSchema,
  WidgetSessionResponseSchema,
} from "@inbox/shared";
import type { ApiRegistry } from "../http/api-registry.ts";
import type { AppEnv } from "../http/app-env.ts";
import { clientIp } from "../http/client-ip.ts";
import { requireWebSocketUpgrade } from "../http/websocket.ts";
import { signWidgetMedia } from "../media/media-links.ts";
import { issueLiveTicket, visitorFromTicket, type TicketDeps } from "./live-tickets.ts";
import { receiveVisitorMessage, type VisitorDeps } from "./visitor-messages.ts";
import { toWidgetMessage } from "./widget-view.ts";
import type { WidgetSocketGateway } from "./widget-socket-gateway.ts";
import { startWidgetSession, visitorFromToken, visitorHistory, webchatInbox } from "./widget-sessions.ts";

function bearer(header: string | undefined): string | null {
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
}

/** The web chat channel's public API: what the embedded widget calls. */
export function registerWidgetRoutes(api: ApiRegistry, app: Hono<AppEnv>, core: VisitorDeps & TicketDeps, sockets: WidgetSocketGateway): void {
  api.publicRoute(
    { method: "get", path: "/api/widget/:inboxId/config", summary: "Widget appearance and availability", tag: "widget", access: "public", response: WidgetConfigResponseSchema },
    async ({ params }) => {
      const inbox = await webchatInbox(core, params.inboxId!);
      return {
        inboxId: inbox.id,
        name: inbox.name,
        greeting: String(inbox.settings.greeting ?? "Hi! How can we help?"),
        color: String(inbox.settings.color ?? "#2563eb"),
        available: inbox.status === "active",
      };
    },
  );

  api.publicRoute(
    {
      method: "post",
      path: "/api/widget/:inboxId/sessions",
      summary: "Start a visitor session (name and email optional)",
      tag: "widget",
      access: "public",
      body: WidgetSessionRequestSchema,
      response: WidgetSessionResponseSchema,
      status: 201,
      bodyLimit: 4096,
    },
    async ({ c, params, body }) => {
      const inbox = await webchatInbox(core, params.inboxId!);
      // Each chat makes a contact: one address may start only so many.
      core.widgetLimits.takeSession(clientIp(c));
      return startWidgetSession(core, inbox, { name: body.name, email: body.email || undefined });
    },
  );

  api.publicRoute(
    { method: "get", path: "/api/widget/:inboxId/messages", summary: "The visitor's conversation history (Bearer widget token)", tag: "widget", access: "public", response: WidgetMessagesResponseSchema },
    async ({ c, params }) => {
      const visitor = await visitorFromToken(core, await webchatInbox(core, params.inboxId!), bearer(c.req.header("authorization")));
      const history = (await visitorHistory(core, visitor)).map(toWidgetMessage);
      // Fresh signed links to the conversation's attachments, for this visitor.
      return { messages: await Promise.all(history.map((m) => signWidgetMedia(core.secrets, m, core.now()))) };
    },
  );

  api.publicRoute(
    {
      method: "post",
      path: "/api/widget/:inboxId/messages",
      summary: "The visitor sends a message (idempotent on clientId)",
      tag: "widget",
      access: "public",
      body: WidgetSendRequestSchema,
      response: WidgetMessageResponseSchema,
      status: 201,
      bodyLimit: 16 * 1024,
    },
    async ({ c, params, body }) => {
      const visitor = await visitorFromToken(core, await webchatInbox(core, params.inboxId!), bearer(c.req.header("authorization")));
      const result = await receiveVisitorMessage(core, visitor, body.clientId, body.text, body.choiceId);
      return c.json({ message: result.message }, result.duplicate ? 200 : 201);
    },
  );

  api.publicRoute(
    {
      method: "post",
      path: "/api/widget/:inboxId/live-tickets",
      summary: "A one-minute ticket that opens the visitor's live socket (Bearer widget token)",
      tag: "widget",
      access: "public",
      response: WidgetLiveTicketResponseSchema,
    },
    async ({ c, params }) => {
      const visitor = await visitorFromToken(core, await webchatInbox(core, params.inboxId!), bearer(c.req.header("authorization")));
      return issueLiveTicket(core, visitor);
    },
  );

  // The visitor's live socket: replies come down, and messages may go up (faster than POST). It
  // is opened with a ticket (never the session token, which would end up in logs), checked
  // before the upgrade, so a bad one gets a 401 and no socket. Cross-origin by design: any
  // website may embed the widget, and nothing here rides on cookies.
  app.get("/api/widget/:inboxId/live", async (c) => {
    const visitor = await visitorFromTicket(core, await webchatInbox(core, c.req.param("inboxId")), c.req.query("ticket"));
    requireWebSocketUpgrade(c);
    return sockets.handle(c, visitor);
  });
}
