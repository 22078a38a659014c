import type { MessageContent } from "@inbox/shared";
import { PLATFORM_MEDIA_PREFIX, type Credentials, type InboundEvent, type InboundSender, type WebhookRequest } from "../src/connector.ts";
import { readJsonBody } from "../src/malformed.ts";
import { choiceAnswer } from "../src/choice-answer.ts";
import { classifyWhatsappError } from "./send.ts";
import { templateStatusEvent } from "./templates.ts";

/**
 * WhatsApp webhook bodies → canonical events. Envelope: `object: "whatsapp_business_account"`,
 * `entry[].changes[]` with `field: "messages"`; `value` carries `metadata.phone_number_id`,
 * `contacts[]` and `messages[]` or `statuses[]`.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const clip = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max));

/** WhatsApp timestamps are Unix seconds as strings. */
function millis(ts: unknown): number {
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Date.now();
}

function unsupported(description: string, raw: unknown): MessageContent {
  return { kind: "unsupported", description: clip(description, 256), raw };
}

function text(value: string | undefined, raw: unknown, what: string): MessageContent {
  return value ? { kind: "text", text: clip(value, 4096) } : unsupported(`Empty ${what}`, raw);
}

/** A tapped reply button / list row / template button: its title, and its id (our choice id) or payload. */
function answer(title: string | undefined, id: string | undefined, raw: unknown, what: string): MessageContent {
  const value = title ?? id;
  return value ? choiceAnswer(clip(value, 4096), id) : unsupported(`Empty ${what}`, raw);
}

const mediaUrl = (id: string) => `${PLATFORM_MEDIA_PREFIX}${id}`;

interface Converted {
  content: MessageContent;
  inReplyTo?: string;
}

/** The content of one `messages[]` item (also used for the message inside an `edit`). */
function convert(m: Obj): Converted {
  const type = str(m.type) ?? "unknown";
  const body = isObj(m[type]) ? (m[type] as Obj) : {};
  const context = isObj(m.context) ? str(m.context.id) : undefined;
  const withContext = (content: MessageContent, inReplyTo = context): Converted => (inReplyTo ? { content, inReplyTo } : { content });
  const mediaId = str(body.id);
  const mime = str(body.mime_type);
  const caption = str(body.caption);

  switch (type) {
    case "text":
      return withContext(text(str(body.body), m, "text message"));
    case "image":
    case "sticker":
    case "video":
    case "audio":
    case "document": {
      if (!mediaId) return withContext(unsupported(`WhatsApp ${type} without media`, m));
      const url = mediaUrl(mediaId);
      if (type === "sticker") return withContext({ kind: "image", url, mimeType: mime ?? "image/webp" });
      if (type === "image") return withContext({ kind: "image", url, mimeType: mime ?? "image/jpeg", ...(caption ? { caption: clip(caption, 1024) } : {}) });
      if (type === "video") return withContext({ kind: "video", url, mimeType: mime ?? "video/mp4", ...(caption ? { caption: clip(caption, 1024) } : {}) });
      if (type === "audio") return withContext({ kind: "audio", url, mimeType: mime ?? "audio/ogg", voice: body.voice === true });
      const size = Number(body.file_size);
      return withContext({
        kind: "file",
        url,
        mimeType: mime ?? "application/octet-stream",
        filename: clip(str(body.filename) ?? "document", 255),
        ...(Number.isInteger(size) && size >= 0 ? { size } : {}),
      });
    }
    case "location": {
      const latitude = Number(body.latitude);
      const longitude = Number(body.longitude);
      if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) return withContext(unsupported("Location without coordinates", m));
      const name = str(body.name);
      const address = str(body.address);
      return withContext({ kind: "location", latitude, longitude, ...(name ? { name: clip(name, 256) } : {}), ...(address ? { address: clip(address, 512) } : {}) });
    }
    case "contacts":
      return withContext(contactCards(arr(m.contacts), m));
    case "interactive": {
      const kind = str(body.type);
      if (kind === "button_reply" && isObj(body.button_reply)) return withContext(answer(str(body.button_reply.title), str(body.button_reply.id), m, "button reply"));
      if (kind === "list_reply" && isObj(body.list_reply)) return withContext(answer(str(body.list_reply.title), str(body.list_reply.id), m, "list reply"));
      if (kind === "nfm_reply") return withContext(unsupported("WhatsApp Flow response", m));
      return withContext(unsupported(`WhatsApp interactive reply (${kind ?? "unknown"})`, m));
    }
    case "button":
      // A quick-reply button tapped on a template message.
      return withContext(answer(str(body.text), str(body.payload), m, "button reply"));
    case "reaction": {
      const target = str(body.message_id);
      const emoji = str(body.emoji);
      return withContext(emoji ? { kind: "text", text: emoji } : unsupported("Reaction removed", m), target ?? context);
    }
    case "order":
      return withContext(unsupported(`Catalog order (${arr(body.product_items).length} items)`, m));
    case "system":
      return withContext(unsupported(str(body.body) ?? "WhatsApp system notice", m));
    case "unsupported": {
      const inner = str(body.type);
      const error = arr(m.errors).find(isObj);
      const detail = error && isObj(error.error_data) ? str(error.error_data.details) : undefined;
      return withContext(unsupported(`Unsupported WhatsApp message${inner ? ` (${inner})` : detail ? `: ${detail}` : ""}`, m));
    }
    default:
      return withContext(unsupported(`WhatsApp ${type} message`, m));
  }
}

function contactCards(cards: unknown[], raw: unknown): MessageContent {
  const lines = cards.filter(isObj).map((card) => {
    const name = isObj(card.name) ? (str(card.name.formatted_name) ?? [str(card.name.first_name), str(card.name.last_name)].filter(Boolean).join(" ")) : "";
    const phones = arr(card.phones).filter(isObj).map((p) => str(p.phone) ?? str(p.wa_id)).filter(Boolean);
    const emails = arr(card.emails).filter(isObj).map((e) => str(e.email)).filter(Boolean);
    return [name || "Contact", ...phones, ...emails].join(", ");
  });
  if (lines.length === 0) return unsupported("Empty contact card", raw);
  return { kind: "text", text: clip(lines.map((l) => `👤 ${l}`).join("\n"), 4096) };
}

const STATUSES = new Set(["sent", "delivered", "read", "failed"]);

function statusEvent(s: Obj): InboundEvent | null {
  const id = str(s.id);
  const status = str(s.status);
  if (!id || !status || !STATUSES.has(status)) return null;
  const event: InboundEvent = { type: "status", externalMessageId: id, status: status as "sent" | "delivered" | "read" | "failed", at: millis(s.timestamp) };
  // Our message id, as every send sets it: confirms a send whose answer the server lost.
  const ours = str(s.biz_opaque_callback_data);
  if (ours) event.ourMessageId = ours;
  if (status === "failed") {
    const error = arr(s.errors).find(isObj);
    const details = error ? (isObj(error.error_data) ? str(error.error_data.details) : undefined) ?? str(error.message) ?? str(error.title) : undefined;
    const code = error && typeof error.code === "number" ? error.code : undefined;
    // Async failures (e.g. 131026 undeliverable, 131047 window) come with an HTTP-less code.
    const classified = code === undefined ? undefined : classifyWhatsappError(code, 400, details);
    event.reason = classified?.reason ?? details ?? "WhatsApp could not deliver the message.";
    // 131026 usually arrives here, not as the send's answer: the customer blocked the business.
    if (classified?.kind === "blocked") event.failureKind = "blocked";
  }
  return event;
}

export async function parse(req: WebhookRequest, credentials: Credentials): Promise<InboundEvent[]> {
  const payload = readJsonBody(req.body, "WhatsApp");
  // Another Meta product's webhook (same app, same URL) has nothing for this inbox.
  if (!isObj(payload) || payload.object !== "whatsapp_business_account") return [];

  const events: InboundEvent[] = [];
  for (const entry of arr(payload.entry).filter(isObj)) {
    for (const change of arr(entry.changes).filter(isObj)) {
      // Template reviews: entry.id is the business account; the server keeps only its inbox's account.
      if (change.field === "message_template_status_update" && isObj(change.value)) {
        const account = str(entry.id);
        const event = account ? templateStatusEvent(account, change.value, entry.time) : null;
        if (event) events.push(event);
        continue;
      }
      // Other fields (account updates, coexistence echoes) are not conversation events.
      if (change.field !== "messages" || !isObj(change.value)) continue;
      const value = change.value;
      // One Meta app can serve several numbers: only this inbox's number belongs here.
      const numberId = isObj(value.metadata) ? str(value.metadata.phone_number_id) : undefined;
      if (numberId && credentials.phoneNumberId && numberId !== credentials.phoneNumberId) continue;

      const contacts = arr(value.contacts).filter(isObj);
      for (const m of arr(value.messages).filter(isObj)) {
        const sender = senderOf(m, contacts);
        const id = str(m.id);
        if (!sender || !id) continue;
        const at = millis(m.timestamp);
        if (m.type === "revoke" && isObj(m.revoke) && str(m.revoke.original_message_id)) {
          events.push({ type: "delete", externalId: str(m.revoke.original_message_id)!, sender, at });
        } else if (m.type === "edit" && isObj(m.edit) && str(m.edit.original_message_id) && isObj(m.edit.message)) {
          events.push({ type: "edit", externalId: str(m.edit.original_message_id)!, sender, content: convert(m.edit.message).content, at });
        } else {
          const { content, inReplyTo } = convert(m);
          const reply = inReplyTo ? { inReplyTo } : {};
          events.push({ type: "message", externalId: id, sender, content, at, ...reply });
          // A document's caption has no place in the canonical file content: keep the words as a text beside it.
          const caption = m.type === "document" && isObj(m.document) ? str(m.document.caption) : undefined;
          if (caption) events.push({ type: "message", externalId: `${id}#caption`, sender, content: { kind: "text", text: clip(caption, 4096) }, at, ...reply });
        }
      }
      for (const s of arr(value.statuses).filter(isObj)) {
        const event = statusEvent(s);
        if (event) events.push(event);
      }
    }
  }
  return events;
}

/**
 * The customer: `from` (phone digits, the address replies go to) with the profile name from
 * `contacts[]`. Username users may come without a phone; then the business-scoped `user_id`.
 */
function senderOf(m: Obj, contacts: Obj[]): InboundSender | null {
  const from = str(m.from);
  const contact = contacts.find((c) => from !== undefined && c.wa_id === from) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const phone = from ?? (contact ? str(contact.wa_id) : undefined);
  const externalId = phone ?? (contact ? str(contact.user_id) : undefined) ?? str(m.from_user_id);
  if (!externalId) return null;
  const profile = contact && isObj(contact.profile) ? contact.profile : undefined;
  const name = profile ? (str(profile.name) ?? str(profile.username)) : undefined;
  return { externalId, ...(name ? { name } : {}), ...(phone ? { phone: `+${phone}` } : {}) };
}
