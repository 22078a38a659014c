import type { MessageContent } from "@inbox/shared";
import { PLATFORM_MEDIA_PREFIX, type InboundEvent, type InboundSender, type WebhookRequest } from "../src/connector.ts";
import { MalformedWebhookError, readJsonBody } from "../src/malformed.ts";
import type { TgChat, TgFile, TgMessage, TgUpdate, TgUser } from "./api.ts";
import { choiceAnswer } from "../src/choice-answer.ts";
import { UpdateSchema } from "./update-schema.ts";

/**
 * Telegram Update JSON → canonical events (https://core.telegram.org/bots/api#update).
 * One update carries exactly one optional field; each becomes events as below, and any field we
 * do not know becomes an "unsupported" message keeping the raw payload.
 */
export async function parse(req: WebhookRequest): Promise<InboundEvent[]> {
  const checked = UpdateSchema.safeParse(readJsonBody(req.body, "Telegram"));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new MalformedWebhookError(`The Telegram update is not shaped as Telegram sends it (${issue?.path.join(".") || "update"}: ${issue?.message ?? "invalid"}).`);
  }
  return eventsOf(checked.data, Date.now());
}

/**
 * Message ids are only unique per chat, so a message is `<chat_id>:<message_id>`: stable across
 * redeliveries and edits (an edit carries the same message id), and the same key `send` returns
 * for our own messages, so button answers can point at the message that carried the buttons.
 */
export function messageKey(chatId: number | string, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/** Updates without a message of their own (button presses, unknown kinds) are keyed by `update_id`. */
export function updateKey(updateId: number): string {
  return `update:${updateId}`;
}

export function eventsOf(update: TgUpdate, receivedAt: number): InboundEvent[] {
  if (update.message) return messageEvents(update.message, "message");
  if (update.channel_post) return messageEvents(update.channel_post, "message");
  if (update.edited_message) return messageEvents(update.edited_message, "edit");
  if (update.edited_channel_post) return messageEvents(update.edited_channel_post, "edit");
  if (update.callback_query) return [buttonAnswer(update, update.callback_query, receivedAt)];
  if (update.my_chat_member) return membershipEvents(update.my_chat_member);
  return [unknownUpdate(update, receivedAt)];
}

function messageEvents(msg: TgMessage, type: "message" | "edit"): InboundEvent[] {
  const sender = senderOf(msg.chat, msg.from, msg.contact);
  const externalId = messageKey(msg.chat.id, msg.message_id);
  const at = (type === "edit" ? (msg.edit_date ?? msg.date) : msg.date) * 1000;
  const { content, captionText } = contentOf(msg);
  const inReplyTo = msg.reply_to_message ? messageKey(msg.chat.id, msg.reply_to_message.message_id) : undefined;
  const one = (id: string, c: MessageContent): InboundEvent =>
    type === "edit"
      ? { type: "edit", externalId: id, sender, content: c, at }
      : { type: "message", externalId: id, sender, content: c, at, ...(inReplyTo ? { inReplyTo } : {}) };
  const events = [one(externalId, content)];
  // Files, audio and voice notes have no caption in the canonical content: keep the words anyway.
  if (captionText) events.push(one(`${externalId}#caption`, { kind: "text", text: captionText }));
  return events;
}

const media = (file: TgFile) => `${PLATFORM_MEDIA_PREFIX}${file.file_id}`;
const withCaption = (caption: string | undefined) => (caption ? { caption } : {});

function contentOf(msg: TgMessage): { content: MessageContent; captionText?: string } {
  const caption = msg.caption;
  if (typeof msg.text === "string") return { content: { kind: "text", text: msg.text } };
  if (msg.photo && msg.photo.length > 0) {
    const largest = msg.photo.reduce((a, b) => ((b.width ?? 0) * (b.height ?? 0) >= (a.width ?? 0) * (a.height ?? 0) ? b : a));
    return { content: { kind: "image", url: media(largest), mimeType: "image/jpeg", ...withCaption(caption) } };
  }
  // A GIF also carries a `document` field for old clients: it is an animation first.
  if (msg.animation) {
    return { content: { kind: "video", url: media(msg.animation), mimeType: msg.animation.mime_type ?? "video/mp4", ...withCaption(caption) } };
  }
  if (msg.sticker) return { content: stickerContent(msg.sticker, msg) };
  if (msg.voice) {
    return { content: audio(msg.voice, "audio/ogg", true), ...(caption ? { captionText: caption } : {}) };
  }
  if (msg.audio) {
    return { content: audio(msg.audio, "audio/mpeg", false), ...(caption ? { captionText: caption } : {}) };
  }
  if (msg.video) return { content: { kind: "video", url: media(msg.video), mimeType: msg.video.mime_type ?? "video/mp4", ...withCaption(caption) } };
  if (msg.video_note) return { content: { kind: "video", url: media(msg.video_note), mimeType: "video/mp4" } };
  if (msg.document) {
    const d = msg.document;
    const content: MessageContent = {
      kind: "file",
      url: media(d),
      mimeType: d.mime_type ?? "application/octet-stream",
      filename: (d.file_name ?? "file").slice(0, 255),
      ...(d.file_size !== undefined ? { size: d.file_size } : {}),
    };
    return { content, ...(caption ? { captionText: caption } : {}) };
  }
  // A venue also carries `location`: it is the richer of the two.
  if (msg.venue) {
    const v = msg.venue;
    return {
      content: {
        kind: "location",
        latitude: v.location.latitude,
        longitude: v.location.longitude,
        ...(v.title ? { name: v.title.slice(0, 256) } : {}),
        ...(v.address ? { address: v.address.slice(0, 512) } : {}),
      },
    };
  }
  if (msg.location) return { content: { kind: "location", latitude: msg.location.latitude, longitude: msg.location.longitude } };
  if (msg.contact) {
    const c = msg.contact;
    const name = [c.first_name, c.last_name].filter(Boolean).join(" ");
    return { content: { kind: "text", text: `Shared contact: ${name ? `${name}, ` : ""}${c.phone_number}` } };
  }
  return { content: unsupportedMessage(msg) };
}

function audio(file: TgFile, fallbackMime: string, voice: boolean): MessageContent {
  return {
    kind: "audio",
    url: media(file),
    mimeType: file.mime_type ?? fallbackMime,
    ...(voice ? { voice: true } : {}),
    ...(file.duration !== undefined ? { durationSec: file.duration } : {}),
  };
}

/** Stickers show as images: the WebP itself, or the still thumbnail of animated/video stickers. */
function stickerContent(sticker: NonNullable<TgMessage["sticker"]>, msg: TgMessage): MessageContent {
  const emoji = withCaption(sticker.emoji);
  if (!sticker.is_animated && !sticker.is_video) return { kind: "image", url: media(sticker), mimeType: "image/webp", ...emoji };
  if (sticker.thumbnail) return { kind: "image", url: media(sticker.thumbnail), mimeType: "image/webp", ...emoji };
  if (sticker.is_video) return { kind: "video", url: media(sticker), mimeType: "video/webm" };
  return { kind: "unsupported", description: `Animated sticker${sticker.emoji ? ` ${sticker.emoji}` : ""}`, raw: msg };
}

/** Fields every message may have beside its content; the first other field names the kind. */
const MESSAGE_METADATA = new Set([
  "message_id", "message_thread_id", "from", "sender_chat", "sender_boost_count", "sender_business_bot", "date", "edit_date",
  "business_connection_id", "chat", "forward_origin", "forward_from", "forward_from_chat", "forward_from_message_id",
  "forward_signature", "forward_sender_name", "forward_date", "is_topic_message", "is_automatic_forward", "reply_to_message",
  "external_reply", "quote", "reply_to_story", "via_bot", "has_protected_content", "is_from_offline", "media_group_id",
  "author_signature", "entities", "caption", "caption_entities", "show_caption_above_media", "has_media_spoiler",
  "link_preview_options", "effect_id", "reply_markup",
]);

const KIND_NAMES: Record<string, string> = {
  poll: "Poll",
  dice: "Dice",
  game: "Game",
  invoice: "Invoice",
  story: "Story",
  new_chat_members: "Members joined the group",
  left_chat_member: "A member left the group",
  pinned_message: "Pinned message",
};

function unsupportedMessage(msg: TgMessage): MessageContent {
  const field = Object.keys(msg).find((k) => !MESSAGE_METADATA.has(k)) ?? "empty";
  let description = KIND_NAMES[field] ?? `Telegram ${field} message`;
  if (field === "poll" && msg.poll?.question) description = `Poll: ${msg.poll.question}`;
  if (field === "dice") {
    const dice = msg.dice as { emoji?: string; value?: number } | undefined;
    description = `Dice ${dice?.emoji ?? ""} ${dice?.value ?? ""}`.trim();
  }
  return { kind: "unsupported", description: description.slice(0, 256), raw: msg };
}

/**
 * An inline-keyboard press. The pressed button's label is what the customer "said"; it is read
 * from the keyboard Telegram sends back with the message, falling back to the callback data.
 * The press itself is answered (answerCallbackQuery) in `acknowledge`.
 */
function buttonAnswer(update: TgUpdate, query: NonNullable<TgUpdate["callback_query"]>, receivedAt: number): InboundEvent {
  const msg = query.message;
  const chat: TgChat = msg?.chat ?? { id: query.from.id, type: "private" };
  const label = msg?.reply_markup?.inline_keyboard?.flat().find((b) => b.callback_data !== undefined && b.callback_data === query.data)?.text;
  const text = label ?? query.data;
  // The callback data is our choice id, or `#<n>` when the id did not fit 64 bytes (send.ts).
  const content: MessageContent = text
    ? choiceAnswer(text, query.data, (data) => /^#\d+$/.test(data))
    : { kind: "unsupported", description: query.game_short_name ? `Game button ${query.game_short_name}` : "Button press without data", raw: query };
  return {
    type: "message",
    externalId: updateKey(update.update_id),
    sender: senderOf(chat, query.from),
    content,
    // A callback query has no date of its own.
    at: receivedAt,
    ...(msg ? { inReplyTo: messageKey(chat.id, msg.message_id) } : {}),
  };
}

/** The bot's own membership: in a private chat "kicked" means the customer blocked the bot. */
function membershipEvents(change: NonNullable<TgUpdate["my_chat_member"]>): InboundEvent[] {
  const gone = (status: string) => status === "kicked" || status === "left";
  const sender = senderOf(change.chat, change.from);
  const at = change.date * 1000;
  const was = gone(change.old_chat_member.status);
  const is = gone(change.new_chat_member.status);
  if (is && !was) return [{ type: "blocked", sender, at }];
  if (!is && was) return [{ type: "unblocked", sender, at }];
  return [];
}

function unknownUpdate(update: TgUpdate, receivedAt: number): InboundEvent {
  const field = Object.keys(update).find((k) => k !== "update_id") ?? "empty";
  const payload = (update[field] ?? {}) as { chat?: TgChat; from?: TgUser; user?: TgUser; date?: number };
  const chat = payload.chat && typeof payload.chat.id === "number" ? payload.chat : undefined;
  const user = payload.from ?? payload.user;
  const sender: InboundSender = chat ? senderOf(chat, user) : user ? senderOf({ id: user.id, type: "private" }, user) : { externalId: "unknown" };
  return {
    type: "message",
    externalId: updateKey(update.update_id),
    sender,
    content: { kind: "unsupported", description: `Telegram ${field} update`.slice(0, 256), raw: update },
    at: typeof payload.date === "number" && payload.date > 0 ? payload.date * 1000 : receivedAt,
  };
}

/**
 * The customer is the chat (replies go to `chat.id`; in a private chat it equals the user id).
 * Groups are named after the group; a contact the customer shares of themselves gives their phone.
 */
function senderOf(chat: TgChat, from?: TgUser, contact?: TgMessage["contact"]): InboundSender {
  const isPrivate = chat.type === undefined || chat.type === "private";
  const name = isPrivate ? (nameOf(from) ?? nameOf(chat)) : (chat.title ?? nameOf(from));
  const ownPhone = contact && from && contact.user_id === from.id ? contact.phone_number : undefined;
  return { externalId: String(chat.id), ...(name ? { name } : {}), ...(ownPhone ? { phone: ownPhone } : {}) };
}

function nameOf(who: { first_name?: string; last_name?: string; username?: string } | undefined): string | undefined {
  if (!who) return undefined;
  const full = [who.first_name, who.last_name].filter(Boolean).join(" ");
  return full || (who.username ? `@${who.username}` : undefined);
}
