/**
 * Web Push (issue 16, "notifications when the app is closed"): what the PWA sends to subscribe a
 * device, what the server's push messages carry, and which kinds ring a closed app.
 */
import { z } from "zod";
import { IdSchema } from "../domain/ids.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/**
 * The kinds that may ring a device whose app is closed: a chat offered to you (routing), a note
 * that @mentions you, a supervisor's whisper, a chat assigned to you, a raised hand on your team,
 * an SLA at risk or breached. The other notification kinds (unassigned, transferred, joined) only
 * show in the app: nothing to do about them at once.
 */
export const PUSH_KINDS = ["offered", "mention", "whisper", "assigned", "hand_raised", "sla_at_risk", "sla_breached"] as const;
export const PushKindSchema = z.enum(PUSH_KINDS);
export type PushKind = z.infer<typeof PushKindSchema>;

/** Which kinds the person wants pushed to their devices; a kind not named is wanted. */
export const PushChoicesSchema = z.partialRecord(PushKindSchema, z.boolean());
export type PushChoices = z.infer<typeof PushChoicesSchema>;

/** The server's VAPID public key (base64url, uncompressed P-256 point), or null: this server sends no pushes. */
export const PushKeyResponseSchema = z.object({ publicKey: z.string().nullable() });
export type PushKeyResponse = z.infer<typeof PushKeyResponseSchema>;

const base64url = (what: "push_device_key" | "push_secret", min: number, max: number) =>
  z
    .string()
    .min(min, SCHEMA_MESSAGES[`${what}_size`])
    .max(max, SCHEMA_MESSAGES[`${what}_size`])
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, SCHEMA_MESSAGES[`${what}_format`]);

/** Longest push service address accepted (FCM's are about 200 characters, Apple's about 150). */
export const PUSH_ENDPOINT_MAX = 1000;

/** A browser's PushSubscription as `toJSON()` gives it. The server checks the address's host. */
export const PushSubscribeRequestSchema = z.object({
  endpoint: z.url({ error: SCHEMA_MESSAGES.push_endpoint_format }).max(PUSH_ENDPOINT_MAX, SCHEMA_MESSAGES.push_endpoint_too_long),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The device's P-256 public key: 65 bytes, 87 characters unpadded. */
    p256dh: base64url("push_device_key", 86, 90),
    /** The 16-byte authentication secret: 22 characters unpadded. */
    auth: base64url("push_secret", 21, 26),
  }),
});
export type PushSubscribeRequest = z.infer<typeof PushSubscribeRequestSchema>;

export const PushUnsubscribeRequestSchema = z.object({ endpoint: z.string().min(1).max(PUSH_ENDPOINT_MAX) });
export type PushUnsubscribeRequest = z.infer<typeof PushUnsubscribeRequestSchema>;

export const PushSubscribeResponseSchema = z.object({ subscribed: z.boolean() });

/**
 * What one push message carries (encrypted for the device): words only, in the person's
 * language, never HTML. `tag` is one per conversation, so a newer push about the same chat
 * replaces the older notification; `url` opens the app at the chat.
 */
export const PushPayloadSchema = z.object({
  kind: PushKindSchema,
  title: z.string().max(200),
  body: z.string().max(500),
  tag: z.string().max(100),
  url: z.string().startsWith("/").max(300),
  conversationId: IdSchema,
});
export type PushPayload = z.infer<typeof PushPayloadSchema>;
