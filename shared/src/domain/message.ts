import { z } from "zod";
import { ClientIdSchema, IdSchema, TimestampSchema } from "./ids.ts";
import { TemplateSendSchema } from "./templates.ts";

export * from "./message-rules.ts";

/** Longest text we accept in one message; platforms cap lower (each connector says its own). */
export const MAX_TEXT_LENGTH = 4096;

const Text = z.string().min(1).max(MAX_TEXT_LENGTH);
const Url = z.string().max(2048);
const Caption = z.string().max(MAX_TEXT_LENGTH);
const Choice = z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(64) });

/** Every kind of content a message can carry, whatever the channel. */
export const MessageContentSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    text: Text,
    /** A tap on one of the buttons / quick replies offered: the text is its title, this its id. */
    replyTo: z.object({ choiceId: Choice.shape.id }).optional(),
    /**
     * Sent as an approved WhatsApp template (outside the 24 h window): the text is the rendered
     * template, this what the platform is sent. Only the server sets it (see messages/reply.ts).
     */
    template: TemplateSendSchema.optional(),
  }),
  /**
   * Image, video and file may be a WhatsApp template's media header (`template`, set only by the
   * server, see messages/reply.ts): the caption is then the rendered template, which may be
   * longer than a platform's caption.
   */
  z.object({ kind: z.literal("image"), url: Url, mimeType: z.string(), caption: Caption.optional(), template: TemplateSendSchema.optional() }),
  z.object({
    kind: z.literal("audio"),
    url: Url,
    mimeType: z.string(),
    /** A recorded voice note rather than an audio file. */
    voice: z.boolean().optional(),
    durationSec: z.number().nonnegative().optional(),
  }),
  z.object({ kind: z.literal("video"), url: Url, mimeType: z.string(), caption: Caption.optional(), template: TemplateSendSchema.optional() }),
  z.object({
    kind: z.literal("file"),
    url: Url,
    mimeType: z.string(),
    filename: z.string().max(255),
    size: z.number().int().nonnegative().optional(),
    /** Only a template's rendered text (a document header): files carry no caption otherwise. */
    caption: Caption.optional(),
    template: TemplateSendSchema.optional(),
  }),
  z.object({
    kind: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(256).optional(),
    address: z.string().max(512).optional(),
  }),
  z.object({ kind: z.literal("buttons"), text: Text, buttons: z.array(Choice).min(1).max(13) }),
  z.object({ kind: z.literal("quick_replies"), text: Text, replies: z.array(Choice).min(1).max(13) }),
  /** A kind the channel sent that we cannot show yet: kept with its raw payload, never dropped. */
  z.object({ kind: z.literal("unsupported"), description: z.string().max(256), raw: z.unknown() }),
]);
export type MessageContent = z.infer<typeof MessageContentSchema>;
export type MessageKind = MessageContent["kind"];

export const MessageDirectionSchema = z.enum(["inbound", "outbound"]);
export const SenderKindSchema = z.enum(["customer", "agent", "bot", "system"]);
export type SenderKind = z.infer<typeof SenderKindSchema>;

/**
 * `unconfirmed`: a send was under way when the server stopped, and the platform offers no way
 * to send it again safely or to learn whether it went out: it may or may not have reached the
 * customer, so it is not sent again unless an agent chooses to (`failureReason` says so).
 */
export const DeliveryStatusSchema = z.enum(["queued", "sent", "delivered", "read", "failed", "unconfirmed"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  direction: MessageDirectionSchema,
  senderKind: SenderKindSchema,
  /** Agent's user id, or the contact id for customer messages; null for system events. */
  senderId: IdSchema.nullable(),
  senderName: z.string(),
  content: MessageContentSchema,
  status: DeliveryStatusSchema,
  /** Why sending failed, in words an agent understands. */
  failureReason: z.string().nullable(),
  /** The id the sender generated (agent outbox or widget), for exactly-once. */
  clientId: ClientIdSchema.nullable(),
  createdAt: TimestampSchema,
  /**
   * The conversation's arrival sequence (1, 2, …, assigned by the server as it stores the
   * message): the timeline's order. Platform times have one-second resolution, so messages
   * written in the same second tie on `createdAt`; they never tie here.
   */
  position: z.number().int().nonnegative(),
});
export type Message = z.infer<typeof MessageSchema>;

