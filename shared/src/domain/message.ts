import { z } from "zod";
import { ClientIdSchema, IdSchema, TimestampSchema } from "./ids.ts";
import { TemplateSendSchema } from "./templates.ts";

/** Longest text we accept in one message; platforms cap lower (each connector says its own). */
export const MAX_TEXT_LENGTH = 4096;

const Text = z.string().min(1).max(MAX_TEXT_LENGTH);
const Url = z.string().max(2048);
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
  z.object({ kind: z.literal("image"), url: Url, mimeType: z.string(), caption: z.string().max(1024).optional() }),
  z.object({
    kind: z.literal("audio"),
    url: Url,
    mimeType: z.string(),
    /** A recorded voice note rather than an audio file. */
    voice: z.boolean().optional(),
    durationSec: z.number().nonnegative().optional(),
  }),
  z.object({ kind: z.literal("video"), url: Url, mimeType: z.string(), caption: z.string().max(1024).optional() }),
  z.object({
    kind: z.literal("file"),
    url: Url,
    mimeType: z.string(),
    filename: z.string().max(255),
    size: z.number().int().nonnegative().optional(),
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

/** Short plain-text line for lists and notifications. */
export function previewOf(content: MessageContent): string {
  switch (content.kind) {
    case "text":
    case "buttons":
    case "quick_replies":
      return content.text.slice(0, 140);
    case "image":
      return content.caption ? `📷 ${content.caption}` : "📷 Image";
    case "audio":
      return content.voice ? "🎤 Voice note" : "🎵 Audio";
    case "video":
      return "🎬 Video";
    case "file":
      return `📎 ${content.filename}`;
    case "location":
      return `📍 ${content.name ?? "Location"}`;
    case "unsupported":
      return `Unsupported message: ${content.description}`;
  }
}

/** A conversation's timeline order: arrival (position); time and id only break ties of legacy rows without one. */
export function inTimelineOrder(a: Pick<Message, "position" | "createdAt" | "id">, b: Pick<Message, "position" | "createdAt" | "id">): number {
  return a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The searchable words of a message, whatever its kind (stored on the server, indexed on devices). */
export function searchableText(content: MessageContent): string {
  switch (content.kind) {
    case "text":
      return content.text;
    case "buttons":
      return [content.text, ...content.buttons.map((b) => b.title)].join(" ");
    case "quick_replies":
      return [content.text, ...content.replies.map((r) => r.title)].join(" ");
    case "image":
    case "video":
      return content.caption ?? "";
    case "file":
      return content.filename;
    case "location":
      return [content.name, content.address].filter(Boolean).join(" ");
    case "audio":
      return "";
    case "unsupported":
      return content.description;
  }
}

/**
 * Links customers' answers to the buttons / quick replies offered before them. Platforms deliver
 * a tap as a text message carrying the choice's title (web chat adds its id in `replyTo`), so an
 * answer is the first customer text after an offer that names one of its choices by id, or else
 * by title (case and spacing aside), before the next offer. One rule for the inbox and the widget.
 */
export function linkChoices<T>(
  items: readonly T[],
  read: (item: T) => { fromCustomer: boolean; content: MessageContent },
): { answer: T; offer: T; choiceId: string }[] {
  const links: { answer: T; offer: T; choiceId: string }[] = [];
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase();
  let open: { offer: T; choices: readonly { id: string; title: string }[] } | null = null;
  for (const item of items) {
    const { fromCustomer, content: c } = read(item);
    if (!fromCustomer && (c.kind === "buttons" || c.kind === "quick_replies")) {
      open = { offer: item, choices: c.kind === "buttons" ? c.buttons : c.replies };
      continue;
    }
    if (!open || !fromCustomer || c.kind !== "text") continue;
    // By the tapped choice's id when the channel says it; by the title otherwise (typed, or a platform that sends only the text).
    const byId = c.replyTo ? open.choices.find((x) => x.id === c.replyTo!.choiceId) : undefined;
    const choice = byId ?? open.choices.find((x) => norm(x.title) === norm(c.text));
    if (!choice) continue;
    links.push({ answer: item, offer: open.offer, choiceId: choice.id });
    open = null;
  }
  return links;
}
