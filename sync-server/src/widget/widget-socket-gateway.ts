import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.ts";
import type { Visitor } from "./widget-sessions.ts";

/**
 * Turns an authorised `/api/widget/<inboxId>/live` request into the visitor's live socket: it
 * receives `WidgetPush` frames for `visitor.visitorId` (first `{type:"ready"}`) and hands each
 * incoming text frame to `handleVisitorFrame(core, visitor, …)`. At most
 * `core.widgetLimits.socketsPerVisitor` per visitor (429 before the upgrade).
 */
export interface WidgetSocketGateway {
  handle(c: Context<AppEnv>, visitor: Visitor): Response | Promise<Response>;
}

/** The largest frame a widget socket accepts (a 4,096-character message is at most ~16 KB). */
export const MAX_WIDGET_FRAME_BYTES = 32 * 1024;
