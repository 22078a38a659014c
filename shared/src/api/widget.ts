import { z } from "zod";
import { ClientIdSchema, IdSchema, TimestampSchema } from "../domain/ids.ts";
import { MAX_TEXT_LENGTH, MessageContentSchema, DeliveryStatusSchema } from "../domain/message.ts";

/**
 * The web chat widget's public API. Customers are not users: they hold a widget token that
 * only reads and writes their own conversation in one inbox.
 */
export const WidgetConfigResponseSchema = z.object({
  inboxId: IdSchema,
  name: z.string(),
  greeting: z.string(),
  color: z.string(),
  /** False while an admin has disabled the channel: the widget says so instead of a composer. */
  available: z.boolean(),
});
export type WidgetConfigResponse = z.infer<typeof WidgetConfigResponseSchema>;

export const WidgetSessionRequestSchema = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.union([z.email().max(320), z.literal("")]).optional(),
});
export const WidgetSessionResponseSchema = z.object({
  token: z.string(),
  visitorId: IdSchema,
});
export type WidgetSessionResponse = z.infer<typeof WidgetSessionResponseSchema>;

export const WidgetSendRequestSchema = z.object({
  clientId: ClientIdSchema,
  text: z.string().trim().min(1, "Write something first").max(MAX_TEXT_LENGTH),
});
export type WidgetSendRequest = z.infer<typeof WidgetSendRequestSchema>;

/** What the customer sees of a message: no internal ids of agents, no notes. */
export const WidgetMessageSchema = z.object({
  id: IdSchema,
  clientId: z.string().nullable(),
  from: z.enum(["customer", "agent", "bot", "system"]),
  senderName: z.string(),
  content: MessageContentSchema,
  status: DeliveryStatusSchema,
  createdAt: TimestampSchema,
});
export type WidgetMessage = z.infer<typeof WidgetMessageSchema>;

export const WidgetMessagesResponseSchema = z.object({ messages: z.array(WidgetMessageSchema) });
export const WidgetMessageResponseSchema = z.object({ message: WidgetMessageSchema });

/** Frames the server pushes down the widget's live socket (JSON text frames). */
export const WidgetFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), message: WidgetMessageSchema }),
  z.object({ type: z.literal("ready") }),
]);
export type WidgetFrame = z.infer<typeof WidgetFrameSchema>;
