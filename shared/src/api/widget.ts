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

/** The id of a button / quick reply the customer tapped (its title is the text). */
const ChoiceIdSchema = z.string().min(1).max(256);

export const WidgetSendRequestSchema = z.object({
  clientId: ClientIdSchema,
  text: z.string().trim().min(1, "Write something first").max(MAX_TEXT_LENGTH),
  choiceId: ChoiceIdSchema.optional(),
});
export type WidgetSendRequest = z.infer<typeof WidgetSendRequestSchema>;

/**
 * Opens the visitor's live socket (`/live?ticket=`) for a minute: a browser cannot send the
 * Bearer token on a WebSocket, and a session token must not travel in a URL.
 */
export const WidgetLiveTicketResponseSchema = z.object({ ticket: z.string(), expiresAt: TimestampSchema });
export type WidgetLiveTicketResponse = z.infer<typeof WidgetLiveTicketResponseSchema>;

/** What the customer sees of a message: no internal ids of agents, no notes. */
export const WidgetMessageSchema = z.object({
  id: IdSchema,
  clientId: z.string().nullable(),
  from: z.enum(["customer", "agent", "bot", "system"]),
  senderName: z.string(),
  content: MessageContentSchema,
  status: DeliveryStatusSchema,
  createdAt: TimestampSchema,
  /** Arrival order in the visitor's conversation (see Message.position): the widget orders by it. */
  position: z.number().int().nonnegative(),
});
export type WidgetMessage = z.infer<typeof WidgetMessageSchema>;

export const WidgetMessagesResponseSchema = z.object({ messages: z.array(WidgetMessageSchema) });
export const WidgetMessageResponseSchema = z.object({ message: WidgetMessageSchema });

/** Frames the server pushes down the widget's live socket (JSON text frames). */
export const WidgetFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), message: WidgetMessageSchema }),
  z.object({ type: z.literal("ready") }),
  /** The message sent on this socket with `clientId` is stored (also sent again as "message"). */
  z.object({ type: z.literal("ack"), clientId: z.string(), message: WidgetMessageSchema }),
  /** The message sent on this socket with `clientId` was refused; `message` is for the customer. */
  z.object({ type: z.literal("error"), clientId: z.string().nullable(), code: z.string(), message: z.string() }),
]);
export type WidgetFrame = z.infer<typeof WidgetFrameSchema>;

/**
 * Frames the widget sends up its live socket. Sending here is the fast path; POST
 * /messages with the same clientId is the fallback, and the two are idempotent together.
 */
export const WidgetClientFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("send"), clientId: ClientIdSchema, text: WidgetSendRequestSchema.shape.text, choiceId: ChoiceIdSchema.optional() }),
]);
export type WidgetClientFrame = z.infer<typeof WidgetClientFrameSchema>;
