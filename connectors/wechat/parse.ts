import { MAX_TEXT_LENGTH, type MessageContent } from "@inbox/shared";
import { PLATFORM_MEDIA_PREFIX, type Credentials, type InboundEvent, type InboundSender, type WebhookRequest } from "../src/connector.ts";
import { MalformedWebhookError } from "../src/malformed.ts";
import { choiceAnswer } from "../src/choice-answer.ts";
import { messageDocument } from "./document.ts";
import { childOf, parseBody, textOf, toPlain, type XmlNode } from "./xml.ts";

/**
 * One push = one message or event.
 * Messages: https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
 * Events:   https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
 *
 * Dedupe keys (WeChat retries 3 times when we are slow): `MsgId` for messages, and
 * FromUserName + CreateTime + Event for events, which carry no id.
 */
export async function parse(req: WebhookRequest, credentials: Credentials): Promise<InboundEvent[]> {
  const root = parseBody(await messageDocument(req, credentials));
  return [toEvent(root)];
}

/**
 * What names one push across WeChat's retries: its MsgId, or for events (which have none)
 * sender, time and event, the keys WeChat's documentation gives for deduplication.
 */
export function deliveryIdOf(root: XmlNode): string {
  const msgId = textOf(root, "MsgId") ?? textOf(root, "MsgID");
  if (msgId) return `msg:${msgId}`;
  return `event:${textOf(root, "FromUserName") ?? ""}:${textOf(root, "CreateTime") ?? ""}:${textOf(root, "Event") ?? textOf(root, "MsgType") ?? ""}`;
}

/** What WeChat forwards instead of kinds it does not push to developers (custom stickers, cards, …). */
const NOT_FORWARDED = "【收到不支持的消息类型，暂无法显示】";

const VOICE_MIME: Record<string, string> = { amr: "audio/amr", speex: "audio/speex", mp3: "audio/mpeg" };

export function toEvent(root: XmlNode): InboundEvent {
  const field = (name: string) => textOf(root, name);
  const from = field("FromUserName");
  const createTime = Number(field("CreateTime"));
  const msgType = field("MsgType");
  if (!from || !Number.isFinite(createTime) || !msgType) {
    throw new MalformedWebhookError("WeChat push lacks FromUserName, CreateTime or MsgType.");
  }
  const sender: InboundSender = { externalId: from };
  const at = createTime * 1000;
  const unsupported = (description: string): MessageContent => ({ kind: "unsupported", description: description.slice(0, 256), raw: toPlain(root) });

  if (msgType === "event") {
    const event = field("Event") ?? "";
    const eventId = `${from}:${field("CreateTime")}:${event}`;
    const message = (content: MessageContent): InboundEvent => ({ type: "message", externalId: eventId, sender, content, at });
    switch (event.toLowerCase()) {
      case "subscribe":
        return { type: "unblocked", sender, at };
      case "unsubscribe":
        return { type: "blocked", sender, at };
      case "click": {
        // A custom-menu button with a developer-defined key: the key is all WeChat tells us.
        const key = field("EventKey");
        return message(key ? text(key) : unsupported("Tapped a menu button"));
      }
      case "scancode_push":
      case "scancode_waitmsg": {
        const result = textOf(childOf(root, "ScanCodeInfo"), "ScanResult");
        return message(result ? text(result) : unsupported("Scanned a code from the menu"));
      }
      case "location_select": {
        const info = childOf(root, "SendLocationInfo");
        const location = locationContent(textOf(info, "Location_X"), textOf(info, "Location_Y"), textOf(info, "Label"), textOf(info, "Poiname"));
        return message(location ?? unsupported("Sent a location from the menu"));
      }
      case "templatesendjobfinish": {
        // Receipt for a template message (we do not send them, but never drop what arrives).
        const status = field("Status") ?? "";
        const id = field("MsgID") ?? field("MsgId") ?? eventId;
        return status === "success"
          ? { type: "status", externalMessageId: id, status: "delivered", at }
          : {
              type: "status",
              externalMessageId: id,
              status: "failed",
              reason: templateFailure(status),
              ...(/user\s*block/i.test(status) ? { failureKind: "blocked" as const } : {}),
              at,
            };
      }
      default:
        return message(unsupported(eventDescription(event, root)));
    }
  }

  const msgId = field("MsgId") ?? field("MsgID") ?? `${from}:${field("CreateTime")}:${msgType}`;
  const message = (content: MessageContent): InboundEvent => ({ type: "message", externalId: msgId, sender, content, at });
  const mediaId = field("MediaId");
  switch (msgType) {
    case "text": {
      const content = field("Content") ?? "";
      if (content === NOT_FORWARDED) return message(unsupported("A message WeChat does not forward to apps (e.g. a custom sticker or a contact card)"));
      // A tap on a 客服 menu (msgmenu) item arrives as text with the item id in bizmsgmenuid;
      // the text is the item's title, which is what the agent needs to see, the id our choice id
      // (or its number, 1–10, when the id did not fit: send.ts).
      if (!content.trim()) return message(unsupported("An empty text message"));
      const plain = text(content);
      return message(plain.kind === "text" ? choiceAnswer(plain.text, field("bizmsgmenuid"), (id) => /^\d{1,2}$/.test(id)) : plain);
    }
    case "image":
      return message(mediaId ? { kind: "image", url: PLATFORM_MEDIA_PREFIX + mediaId, mimeType: "image/jpeg" } : unsupported("An image without a media id"));
    case "voice": {
      const format = (field("Format") ?? "amr").toLowerCase();
      return message(
        mediaId
          ? { kind: "audio", url: PLATFORM_MEDIA_PREFIX + mediaId, mimeType: VOICE_MIME[format] ?? `audio/${format}`, voice: true }
          : unsupported("A voice message without a media id"),
      );
    }
    case "video":
    case "shortvideo":
      return message(mediaId ? { kind: "video", url: PLATFORM_MEDIA_PREFIX + mediaId, mimeType: "video/mp4" } : unsupported("A video without a media id"));
    case "location":
      return message(locationContent(field("Location_X"), field("Location_Y"), field("Label"), undefined) ?? unsupported("A location with invalid coordinates"));
    case "link": {
      const parts = [field("Title"), field("Description"), field("Url")].filter((p): p is string => !!p && p.trim() !== "");
      return message(parts.length ? text(parts.join("\n")) : unsupported("A shared link"));
    }
    case "miniprogrampage":
      return message(unsupported(`A Mini Program card${field("Title") ? `: ${field("Title")}` : ""}`));
    default:
      return message(unsupported(`A WeChat "${msgType}" message`));
  }
}

function text(value: string): MessageContent {
  return { kind: "text", text: value.length > MAX_TEXT_LENGTH ? value.slice(0, MAX_TEXT_LENGTH - 1) + "…" : value };
}

/** Location_X is the latitude and Location_Y the longitude; Label is the address WeChat shows. */
function locationContent(x: string | undefined, y: string | undefined, label: string | undefined, poiName: string | undefined): MessageContent | undefined {
  const latitude = Number(x);
  const longitude = Number(y);
  if (!x || !y || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return {
    kind: "location",
    latitude,
    longitude,
    ...(poiName ? { name: poiName.slice(0, 256) } : {}),
    ...(label ? { address: label.slice(0, 512) } : {}),
  };
}

function templateFailure(status: string): string {
  if (/user\s*block/i.test(status)) return "The customer has blocked messages from this account.";
  return `WeChat could not deliver the template message (${status || "unknown reason"}).`;
}

function eventDescription(event: string, root: XmlNode): string {
  switch (event.toLowerCase()) {
    case "view":
      return `Opened the menu link ${textOf(root, "EventKey") ?? ""}`.trim();
    case "scan":
      return "Scanned the account's QR code";
    case "location":
      return `Shared their location automatically (${textOf(root, "Latitude") ?? "?"}, ${textOf(root, "Longitude") ?? "?"})`;
    case "view_miniprogram":
      return "Opened a Mini Program from the menu";
    case "pic_sysphoto":
    case "pic_photo_or_album":
    case "pic_weixin":
      return "Started sending photos from the menu";
    default:
      return `A WeChat "${event || "unknown"}" event`;
  }
}
