import type { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import {
  WidgetConfigResponseSchema,
  WidgetMessageResponseSchema,
  WidgetMessagesResponseSchema,
  WidgetSendRequestSchema,
  WidgetSessionRequestSchema,
  WidgetSessionResponseSchema,
} from "@inbox/shared";
import type { Core } from "../core.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError } from "../http/http-error.ts";
import { ingestCustomerMessage } from "../services/ingest.ts";
import { toWidgetMessage } from "../widget/widget-view.ts";
import type { WidgetPeer } from "../widget/widget-hub.ts";
import { startWidgetSession, visitorFromToken, visitorHistory, webchatInbox } from "../widget/widget-sessions.ts";

function bearer(header: string | undefined): string | null {
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
}

const UNAVAILABLE = "Chat is unavailable right now. Please try again later.";

/** The web chat channel's public API: what the embedded widget calls. */
export function registerWidgetRoutes(api: ApiRegistry, app: Hono<AppEnv>, core: Core, upgradeWebSocket: UpgradeWebSocket): void {
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
    async ({ params, body }) => {
      const inbox = await webchatInbox(core, params.inboxId!);
      return startWidgetSession(core, inbox, { name: body.name, email: body.email || undefined });
    },
  );

  api.publicRoute(
    { method: "get", path: "/api/widget/:inboxId/messages", summary: "The visitor's conversation history (Bearer widget token)", tag: "widget", access: "public", response: WidgetMessagesResponseSchema },
    async ({ c, params }) => {
      const visitor = await visitorFromToken(core, await webchatInbox(core, params.inboxId!), bearer(c.req.header("authorization")));
      return { messages: (await visitorHistory(core, visitor)).map(toWidgetMessage) };
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
      if (visitor.inbox.status !== "active") throw new HttpError(409, "channel_unavailable", UNAVAILABLE);
      const result = await ingestCustomerMessage(core, {
        inbox: visitor.inbox,
        contactId: visitor.contactId,
        contactName: visitor.name,
        content: { kind: "text", text: body.text },
        clientId: body.clientId,
        externalId: null,
        at: core.now(),
      });
      return c.json({ message: toWidgetMessage(result.message) }, result.duplicate ? 200 : 201);
    },
  );

  // Live replies for the visitor. The token is checked before the upgrade, so a bad one gets a 401.
  app.get(
    "/api/widget/:inboxId/live",
    async (c, next) => {
      const visitor = await visitorFromToken(core, await webchatInbox(core, c.req.param("inboxId")), c.req.query("token"));
      c.set("visitorContactId", visitor.contactId);
      await next();
    },
    upgradeWebSocket((c) => {
      const contactId = c.get("visitorContactId");
      let peer: WidgetPeer | null = null;
      return {
        onOpen(_evt, ws) {
          peer = { send: (text) => ws.send(text) };
          core.widgets.add(contactId, peer);
        },
        onClose() {
          if (peer) core.widgets.remove(contactId, peer);
        },
      };
    }),
  );
}
