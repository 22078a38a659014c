// Widget: the web chat's public API, visitors' sessions, tickets and live sockets, their limits, and
// pushes to their widgets.
// The capability's public surface: other modules import this file, never its insides.
export { VisitorPush } from "./visitor-push.ts";
export { handleVisitorFrame } from "./visitor-socket.ts";
export { VisitorTypingState } from "./visitor-typing.ts";
export { WidgetHub, type WidgetPeer } from "./widget-hub.ts";
export { WidgetLimits, tooManySockets, widgetLimitsFromEnv, type WidgetLimitOptions } from "./widget-limits.ts";
export { widgetMessagePrep, type WidgetPush } from "./widget-push.ts";
export { registerWidgetRoutes } from "./widget-routes.ts";
export { startWidgetSession, webchatInbox, type Visitor } from "./widget-sessions.ts";
export { MAX_WIDGET_FRAME_BYTES, type WidgetSocketGateway } from "./widget-socket-gateway.ts";
export { ReplyMailer } from "./reply-mailer.ts";
