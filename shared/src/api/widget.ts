import { z } from "zod";
import { ClientIdSchema, IdSchema, TimestampSchema } from "../domain/ids.ts";
import { MAX_TEXT_LENGTH, MessageContentSchema, DeliveryStatusSchema } from "../domain/message.ts";
import { WIDGET_POSITIONS, WidgetAppearanceSchema, WidgetLanguageSchema } from "../domain/widget-appearance.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

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
  /** The greeting per language where the admin wrote one (else `greeting`). */
  greetings: z.partialRecord(WidgetLanguageSchema, z.string()).default({}),
  position: z.enum(WIDGET_POSITIONS).default("bottom-right"),
  /** A small picture for the header (a data URL the server checked), or null. */
  avatar: z.string().nullable().default(null),
  /** Who the visitor talks to; empty: `name`. */
  teamName: z.string().default(""),
  /**
   * "leave_message": outside business hours ("closed") or with nobody of the team available
   * ("nobody"), the widget offers a form whose message becomes a conversation, instead of the
   * live chat. Someone already chatting keeps their chat.
   */
  mode: z.enum(["live", "leave_message"]).default("live"),
  offlineReason: z.enum(["closed", "nobody"]).nullable().default(null),
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

/** "Leave a message": who, how to reach them (required: nobody may be there to answer now), and what. */
export const WidgetLeaveMessageRequestSchema = z.object({
  /** The widget's id for this form's submission: a retry creates nothing twice. */
  clientId: ClientIdSchema,
  name: z.string().trim().min(1, SCHEMA_MESSAGES.visitor_name_required).max(200),
  email: z.email(SCHEMA_MESSAGES.visitor_email_invalid).max(320),
  text: z.string().trim().min(1, SCHEMA_MESSAGES.visitor_message_required).max(MAX_TEXT_LENGTH),
});
export type WidgetLeaveMessageRequest = z.infer<typeof WidgetLeaveMessageRequestSchema>;
/** A session for the visitor who left the message, so they see the reply here when it comes. */
export const WidgetLeaveMessageResponseSchema = z.object({
  token: z.string(),
  visitorId: IdSchema,
  conversationId: IdSchema,
  duplicate: z.boolean(),
});
export type WidgetLeaveMessageResponse = z.infer<typeof WidgetLeaveMessageResponseSchema>;

/** The visitor leaves their email so the reply can reach them (asked when they go before an answer). */
export const WidgetEmailRequestSchema = z.object({ email: z.email(SCHEMA_MESSAGES.visitor_email_invalid).max(320) });
export const WidgetEmailResponseSchema = z.object({ email: z.string() });

/** An agent typing (or stopping) in a web chat conversation: relayed to the visitor's widget. */
export const ConversationTypingRequestSchema = z.object({ typing: z.boolean() });
export const ConversationTypingResponseSchema = z.object({ relayed: z.boolean() });

/** The id of a button / quick reply the customer tapped (its title is the text). */
const ChoiceIdSchema = z.string().min(1).max(256);

export const WidgetSendRequestSchema = z.object({
  clientId: ClientIdSchema,
  text: z.string().trim().min(1, SCHEMA_MESSAGES.text_required).max(MAX_TEXT_LENGTH),
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
  /** An agent is typing (or stopped): the widget shows "<name> is typing…" for a few seconds at most. */
  z.object({ type: z.literal("typing"), typing: z.boolean(), name: z.string() }),
]);
export type WidgetFrame = z.infer<typeof WidgetFrameSchema>;

/**
 * Frames the widget sends up its live socket. Sending here is the fast path; POST
 * /messages with the same clientId is the fallback, and the two are idempotent together.
 */
export const WidgetClientFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("send"), clientId: ClientIdSchema, text: WidgetSendRequestSchema.shape.text, choiceId: ChoiceIdSchema.optional() }),
  /** The visitor is typing (sent at most every few seconds while keys are pressed) or stopped. */
  z.object({ type: z.literal("typing"), typing: z.boolean() }),
]);
export type WidgetClientFrame = z.infer<typeof WidgetClientFrameSchema>;

/** The visitor's typing state in the conversation room (`CONV_META_CUSTOMER_TYPING`); `at` is the server's clock. */
export const CustomerTypingSchema = z.object({ typing: z.boolean(), at: TimestampSchema });
export type CustomerTyping = z.infer<typeof CustomerTypingSchema>;

/** Settings → Channels: a web chat inbox's widget appearance (admins, or people who manage channels). */
export const WidgetAppearanceRequestSchema = WidgetAppearanceSchema;
export const WidgetAppearanceResponseSchema = z.object({
  inboxId: IdSchema,
  appearance: WidgetAppearanceSchema,
  /** The text colour chosen for the primary colour, and its contrast ratio (4.5 or more reads well). */
  textColor: z.string(),
  contrast: z.number(),
});
export type WidgetAppearanceResponse = z.infer<typeof WidgetAppearanceResponseSchema>;
