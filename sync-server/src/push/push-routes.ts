import { z } from "zod";
import { PushKeyResponseSchema, PushSubscribeRequestSchema, PushSubscribeResponseSchema, PushUnsubscribeRequestSchema } from "@inbox/shared/api/push";
import type { ApiRegistry } from "../http/api-registry.ts";
import { subscribe, unsubscribe, type SubscriptionDeps } from "./subscriptions.ts";
import type { WebPush } from "./web-push.ts";

export interface PushRouteDeps extends SubscriptionDeps {
  push: WebPush;
}

/** The signed-in person's own devices: the key to subscribe with, subscribing and unsubscribing this device. */
export function registerPushRoutes(api: ApiRegistry, core: PushRouteDeps): void {
  api.userRoute(
    { method: "get", path: "/api/push/key", summary: "The server's VAPID public key for subscribing this device to push (null: this server sends no pushes)", tag: "me", access: "user", response: PushKeyResponseSchema },
    async () => ({ publicKey: await core.push.publicKey() }),
  );
  api.userRoute(
    {
      method: "post",
      path: "/api/push/subscribe",
      summary: "Subscribe this device (a browser's PushSubscription) to your push notifications",
      tag: "me",
      access: "user",
      body: PushSubscribeRequestSchema,
      response: PushSubscribeResponseSchema,
      bodyLimit: 4 * 1024,
    },
    async ({ c, user, body }) => {
      if (!core.push.available) return { subscribed: false };
      await subscribe(core, user, body, c.req.header("user-agent") ?? null, core.push.allowLoopback);
      return { subscribed: true };
    },
  );
  api.userRoute(
    {
      // A POST, not a DELETE with a body: proxies may drop a DELETE's body.
      method: "post",
      path: "/api/push/unsubscribe",
      summary: "Unsubscribe one of your devices by its push address",
      tag: "me",
      access: "user",
      body: PushUnsubscribeRequestSchema,
      response: z.null(),
      status: 204,
      bodyLimit: 4 * 1024,
    },
    async ({ user, body }) => {
      await unsubscribe(core, user, body.endpoint);
      return null;
    },
  );
}
