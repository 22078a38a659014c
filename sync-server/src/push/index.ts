// Web Push (issue 16): VAPID keys, devices' subscriptions, the durable push queue and its sender port.
// The capability's public surface: other modules import this file, never its insides.
export { WebPush, type WebPushOptions } from "./web-push.ts";
export { registerPushRoutes } from "./push-routes.ts";
export type { PushAnswer, PushMessage, PushSender, PushTarget, VapidKeys } from "./push-sender.ts";
