import { bearer } from "../http/bearer.ts";
import type { Hono } from "hono";
import {
  WidgetConfigResponseSchema,
  WidgetEmailRequestSchema,
  WidgetEmailResponseSchema,
  WidgetLeaveMessageRequestSchema,
  WidgetLeaveMessageResponseSchema,
  widgetAppearanceOf,
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
import { CHAT_BUSY, receiveVisitorMessage, type VisitorDeps } from "./visitor-messages.ts";
import { toWidgetMessage } from "./widget-view.ts";
import type { WidgetSocketGateway } from "./widget-socket-gateway.ts";
import { startWidgetSession, visitorFromToken, visitorHistory, webchatInbox } from "./widget-sessions.ts";
import { registerAgentTypingRoutes, type AgentTypingDeps } from "./agent-typing-routes.ts";
import { registerAppearanceRoutes, type AppearanceDeps } from "./appearance-routes.ts";
import { leaveMessage } from "./leave-message.ts";
import { visitorLeftEmail } from "./visitor-email.ts";
import { WidgetAvailability, type AvailabilityDeps } from "./widget-availability.ts";

export type WidgetRouteDeps = VisitorDeps & TicketDeps & AvailabilityDeps & AgentTypingDeps & AppearanceDeps;

/** The web chat channel's public API: what the embedded widget calls. */
export function registerWidgetRoutes(api: ApiRegistry, app: Hono<AppEnv>, core: WidgetRouteDeps, sockets: WidgetSocketGateway): void {
  const availability = new WidgetAvailability(core);
  registerAppearanceRoutes(api, core);
  registerAgentTypingRoutes(api, core);

  api.publicRoute(
    {
      method: "get",
      path: "/api/widget/:inboxId/config",
      summary: "Widget appearance (colour, greetings per language, position, picture, team name) and availability (live chat or leave a message)",
      tag: "widget",
      access: "public",
      response: WidgetConfigResponseSchema,
    },
    async ({ params }) => {
      const inbox = await webchatInbox(core, params.inboxId!);
      const look = widgetAppearanceOf(inbox.settings);
      const { mode, offlineReason } = await availability.modeOf(inbox);
      return {
        inboxId: inbox.id,
        name: inbox.name,
        greeting: look.greeting,
        greetings: look.greetings,
        color: look.color,
        position: look.position,
        avatar: look.avatar,
        teamName: look.teamName,
        available: inbox.status === "active",
        mode,
        offlineReason,
      };
    },
  );

  api.publicRoute(
    {
      method: "post",
      path: "/api/widget/:inboxId/leave-message",
      summary: "Leave a message (name, email, text) when the chat is closed or nobody is available; becomes a conversation once per clientId",
      tag: "widget",
      access: "public",
      body: WidgetLeaveMessageRequestSchema,
      response: WidgetLeaveMessageResponseSchema,
      status: 201,
      bodyLimit: 20 * 1024,
    },
    async ({ c, params, body }) => {
      const inbox = await webchatInbox(core, params.inboxId!);
      // Overloaded: 503 and Retry-After before anything is stored or a rate token spent, as for a
      // chat message; the widget sends the form again with its clientId, so it lands once.
      core.admission.admitWidgetMessage(CHAT_BUSY);
      // Each new message makes a contact, like a session: one address may leave only so many.
      core.widgetLimits.takeSession(clientIp(c));
      const result = await leaveMessage(core, inbox, body);
      return c.json(result, result.duplicate ? 200 : 201);
    },
  );

  api.publicRoute(
    {
      method: "post",
      path: "/api/widget/:inboxId/email",
      summary: "The visitor leaves their email so the reply can reach them (Bearer widget token)",
      tag: "widget",
      access: "public",
      body: WidgetEmailRequestSchema,
      response: WidgetEmailResponseSchema,
      bodyLimit: 2048,
    },
    async ({ c, params, body }) => {
      const visitor = await visitorFromToken(core, await webchatInbox(core, params.inboxId!), bearer(c.req.header("authorization")));
      return visitorLeftEmail(core, visitor, body.email);
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
