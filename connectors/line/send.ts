import type { MessageContent } from "@inbox/shared";
import { retryAfterMs } from "@inbox/shared/protocol/retry-after";
import type { ConnectorContext, Credentials, OutboundMessage, SendResult } from "../src/connector.ts";
import { fromHex, toHex, utf8 } from "../src/crypto.ts";
import { formatForPlatform } from "../src/formatting.ts";
import { LINE_API_BASE_URL, LINE_LIMITS, lineCapabilities } from "./config.ts";
import { POSTBACK_REPLY_KEY, POSTBACK_TITLE_KEY } from "./parse.ts";

/**
 * Sends with the push API (POST /v2/bot/message/push). The reply API is free but its token is
 * single-use and expires within about a minute of the customer's message, which an agent's
 * answer usually misses, so every reply is a push (it counts against the monthly quota).
 * https://developers.line.biz/en/reference/messaging-api/#send-push-message
 */

type LineAction =
  | { type: "postback"; label: string; data: string; displayText: string }
  | { type: "message"; label: string; text: string };

export type LineOutMessage =
  | { type: "text"; text: string; quickReply?: { items: { type: "action"; action: LineAction }[] } }
  | { type: "image"; originalContentUrl: string; previewImageUrl: string }
  | { type: "audio"; originalContentUrl: string; duration: number }
  | { type: "location"; title: string; address: string; latitude: number; longitude: number }
  | { type: "template"; altText: string; template: { type: "buttons"; text: string; actions: LineAction[] } };

export function apiBase(ctx: ConnectorContext): string {
  return ctx.apiBaseUrl.replace(/\/+$/, "");
}

/** True when talking to LINE itself (not a fake or the simulator), where media URLs must be HTTPS. */
function isRealLine(ctx: ConnectorContext): boolean {
  try {
    return new URL(ctx.apiBaseUrl).hostname === new URL(LINE_API_BASE_URL).hostname;
  } catch {
    return false;
  }
}

export async function send(message: OutboundMessage, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  const built = buildMessages(message, ctx);
  if ("reason" in built) return { ok: false, kind: "rejected", reason: built.reason };
  let res: Response;
  try {
    res = await ctx.fetch(`${apiBase(ctx)}/v2/bot/message/push`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${credentials.channelAccessToken ?? ""}`,
        "content-type": "application/json",
        // Same message → same key, so a retry after a timeout or 5xx is never delivered twice.
        "x-line-retry-key": await retryKeyFor(message.messageId),
      },
      body: JSON.stringify({ to: message.recipient, messages: built.messages }),
    });
  } catch (err) {
    return { ok: false, kind: "retry", reason: `Could not reach LINE (${err instanceof Error ? err.message : String(err)}); the message will be retried.` };
  }
  return resultOf(res, credentials, ctx);
}

// ---------------------------------------------------------------------------------------------
// Canonical content → LINE message objects

type Built = { messages: LineOutMessage[] } | { reason: string };

export function buildMessages(message: OutboundMessage, ctx: ConnectorContext): Built {
  const content = message.content;
  switch (content.kind) {
    case "text":
      return textMessages(format(content.text));
    case "image":
      return imageMessages(content, message, ctx);
    case "audio":
      return audioMessages(content, message, ctx);
    case "video":
      // A LINE video message needs a separate preview image we do not have: send the link.
      return linkMessages(message, `🎬 ${content.caption ? `${content.caption}\n` : ""}`);
    case "file":
      // LINE has no outbound file message type: the customer gets a link to download it.
      return linkMessages(message, `📎 ${content.filename}\n`);
    case "location":
      return {
        messages: [
          {
            type: "location",
            title: clip(content.name || "Location", LINE_LIMITS.locationTitleLength),
            address: clip(content.address || `${content.latitude}, ${content.longitude}`, LINE_LIMITS.locationAddressLength),
            latitude: content.latitude,
            longitude: content.longitude,
          },
        ],
      };
    case "buttons":
      return buttonMessages(format(content.text), content.buttons);
    case "quick_replies":
      return { messages: [quickReplyMessage(format(content.text), content.replies)] };
    case "unsupported":
      return { reason: `This message (${content.description}) cannot be sent on LINE.` };
  }
}

function format(text: string): string {
  return formatForPlatform(text, lineCapabilities.formatting).trim() || text;
}

/** Long text (after links are written out) is split into up to five messages of one push. */
function textMessages(text: string): Built {
  const chunks = splitText(text, LINE_LIMITS.textLength);
  if (chunks.length > LINE_LIMITS.messagesPerRequest) return { reason: `The message is too long for LINE (more than ${LINE_LIMITS.textLength * LINE_LIMITS.messagesPerRequest} characters).` };
  return { messages: chunks.map((t) => ({ type: "text", text: t })) };
}

function imageMessages(content: Extract<MessageContent, { kind: "image" }>, message: OutboundMessage, ctx: ConnectorContext): Built {
  const url = message.mediaUrl;
  const mimeType = message.media?.mimeType ?? content.mimeType;
  const size = message.media?.bytes.length ?? 0;
  const accepted = lineCapabilities.media.image!;
  if (!url || !usableUrl(url, ctx) || !accepted.mimeTypes.includes(mimeType) || size > accepted.maxBytes) {
    return linkMessages(message, `📷 ${content.caption ? `${content.caption}\n` : ""}`);
  }
  // LINE has no captions: the caption follows as a text message in the same push.
  const caption = content.caption ? format(content.caption) : "";
  return {
    messages: [
      // LINE wants a ≤ 1 MB preview; we have no thumbnail, so the original doubles as preview.
      { type: "image", originalContentUrl: url, previewImageUrl: url },
      ...(caption ? [{ type: "text" as const, text: clip(caption, LINE_LIMITS.textLength) }] : []),
    ],
  };
}

function audioMessages(content: Extract<MessageContent, { kind: "audio" }>, message: OutboundMessage, ctx: ConnectorContext): Built {
  const url = message.mediaUrl;
  const mimeType = message.media?.mimeType ?? content.mimeType;
  const accepted = lineCapabilities.media.audio!;
  const duration = content.durationSec !== undefined ? Math.round(content.durationSec * 1000) : message.media ? mp4DurationMs(message.media.bytes) : null;
  // LINE plays only m4a and requires the duration; anything else goes as a link.
  if (!url || !usableUrl(url, ctx) || !accepted.mimeTypes.includes(mimeType) || !duration || (message.media?.bytes.length ?? 0) > accepted.maxBytes) {
    return linkMessages(message, content.voice ? "🎤 " : "🎵 ");
  }
  return { messages: [{ type: "audio", originalContentUrl: url, duration }] };
}

function linkMessages(message: OutboundMessage, prefix: string): Built {
  if (!message.mediaUrl) return { reason: "LINE fetches media from a public link, and this server has no public URL for the file." };
  return textMessages(`${prefix}${message.mediaUrl}`);
}

function usableUrl(url: string, ctx: ConnectorContext): boolean {
  return !isRealLine(ctx) || url.startsWith("https://");
}

type Choice = { id: string; title: string };

/**
 * Up to four buttons with a short text: a buttons template (stays in the chat). More buttons,
 * or a longer text than a template holds: the text with quick-reply buttons (max 13).
 */
function buttonMessages(text: string, buttons: Choice[]): Built {
  if (buttons.length > LINE_LIMITS.templateButtons || text.length > LINE_LIMITS.templateTextLength) {
    return { messages: [quickReplyMessage(text, buttons)] };
  }
  const altText = clip(`${text}\n${buttons.map((b, i) => `${i + 1}. ${b.title}`).join("\n")}`, LINE_LIMITS.altTextLength);
  return { messages: [{ type: "template", altText, template: { type: "buttons", text, actions: buttons.map(actionFor) } }] };
}

function quickReplyMessage(text: string, replies: Choice[]): LineOutMessage {
  const shown = replies.slice(0, LINE_LIMITS.quickReplyItems);
  // Past LINE's 13 items the full list is written into the text so no choice is lost.
  const body = replies.length > shown.length ? `${text}\n${replies.map((r, i) => `${i + 1}. ${r.title}`).join("\n")}` : text;
  return {
    type: "text",
    text: clip(body, LINE_LIMITS.textLength),
    quickReply: { items: shown.map((r) => ({ type: "action" as const, action: actionFor(r) })) },
  };
}

/** A postback carrying our choice id (and title, shown in the inbox); a plain message action if the id is too long. */
function actionFor(choice: Choice): LineAction {
  const label = clip(choice.title, LINE_LIMITS.actionLabelLength);
  const displayText = clip(choice.title, LINE_LIMITS.displayTextLength);
  const withTitle = new URLSearchParams({ [POSTBACK_REPLY_KEY]: choice.id, [POSTBACK_TITLE_KEY]: choice.title }).toString();
  if (withTitle.length <= LINE_LIMITS.postbackDataLength) return { type: "postback", label, data: withTitle, displayText };
  const idOnly = new URLSearchParams({ [POSTBACK_REPLY_KEY]: choice.id }).toString();
  if (idOnly.length <= LINE_LIMITS.postbackDataLength) return { type: "postback", label, data: idOnly, displayText };
  return { type: "message", label, text: displayText };
}

/** Shortens to `max` UTF-16 units (LINE's unit) without splitting a character, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    // Prefer a line break, then a space, in the second half of the window.
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" "));
    if (cut < max / 2) cut = max;
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? "")) cut -= 1; // keep surrogate pairs whole
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** Duration of an MP4/M4A file from its `mvhd` box, or null when it cannot be read. */
export function mp4DurationMs(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 4; i + 24 <= bytes.length; i++) {
    if (bytes[i] !== 0x6d || bytes[i + 1] !== 0x76 || bytes[i + 2] !== 0x68 || bytes[i + 3] !== 0x64) continue; // "mvhd"
    const version = bytes[i + 4];
    if (i + (version === 1 ? 36 : 24) > bytes.length) return null;
    const timescale = version === 1 ? view.getUint32(i + 4 + 4 + 16) : view.getUint32(i + 4 + 4 + 8);
    const duration = version === 1 ? Number(view.getBigUint64(i + 4 + 4 + 20)) : view.getUint32(i + 4 + 4 + 12);
    if (!timescale || !duration) return null;
    return Math.round((duration / timescale) * 1000);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Idempotency: X-Line-Retry-Key
// https://developers.line.biz/en/docs/messaging-api/retrying-api-request/

/** Fixed namespace for our retry keys (never change it: keys of queued messages would change). */
const RETRY_KEY_NAMESPACE = "6f1c3a52-9d0e-4b7a-8c25-3e8f1d7b9a40";

/** A name-based (version 5) UUID of our message id: the same message always gets the same key. */
export async function retryKeyFor(messageId: string): Promise<string> {
  const nsBytes = fromHex(RETRY_KEY_NAMESPACE.replace(/-/g, ""));
  const name = utf8(messageId);
  const data = new Uint8Array(16 + name.length);
  data.set(nsBytes, 0);
  data.set(name, 16);
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-1", data)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = toHex(hash);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Responses → SendResult
// https://developers.line.biz/en/reference/messaging-api/#status-codes

interface LineErrorBody {
  message?: string;
  details?: { message?: string; property?: string }[];
  sentMessages?: { id?: string }[];
}

/** LINE's 429 body when a push would exceed the plan's monthly message quota. */
export const MONTHLY_LIMIT_MESSAGE = "You have reached your monthly limit.";
/** LINE documents no Retry-After for its per-second rate limits: pause briefly. */
const RATE_LIMIT_PAUSE_MS = 60_000;

async function resultOf(res: Response, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  const body = await readBody(res);
  const status = res.status;
  const platformCode = String(status);
  // 409: a request with this retry key was already accepted, i.e. the message went out before.
  if (res.ok || status === 409) {
    const id = body.sentMessages?.[0]?.id;
    return { ok: true, externalId: id ? String(id) : null, delivered: false };
  }
  const said = describeError(body);
  if (status === 401) {
    return { ok: false, kind: "token_expired", platformCode, reason: "LINE rejected the channel access token (expired or reissued). An admin must reconnect the LINE channel with a new token." };
  }
  if (status === 429) {
    if ((body.message ?? "").toLowerCase().includes("monthly limit")) return monthlyLimit(credentials, ctx, platformCode);
    return {
      ok: false,
      kind: "rate_limited",
      platformCode,
      retryAfterMs: retryAfterMs(res.headers.get("retry-after"), ctx.now()) ?? RATE_LIMIT_PAUSE_MS,
      reason: `LINE is limiting how fast this channel can send${said ? ` (${said})` : ""}; sending resumes shortly.`,
    };
  }
  if (status >= 500) {
    return { ok: false, kind: "retry", platformCode, reason: `LINE had a temporary problem (HTTP ${status}); the message will be retried without being delivered twice.` };
  }
  if (status === 403) {
    return { ok: false, kind: "rejected", platformCode, reason: `LINE does not allow this channel to send this message${said ? ` (${said})` : ""}. An admin should check the channel's plan and permissions.` };
  }
  if (status === 413) return { ok: false, kind: "rejected", platformCode, reason: "The message is too large for LINE." };
  if (status === 415) return { ok: false, kind: "rejected", platformCode, reason: "LINE does not accept this type of media." };
  if (status >= 400) return { ok: false, kind: "rejected", platformCode, reason: `LINE refused this message${said ? `: ${said}` : ""}.` };
  return { ok: false, kind: "retry", platformCode, reason: `LINE answered unexpectedly (HTTP ${status}); the message will be retried.` };
}

async function readBody(res: Response): Promise<LineErrorBody> {
  try {
    const text = await res.text();
    return text ? (JSON.parse(text) as LineErrorBody) : {};
  } catch {
    return {};
  }
}

function describeError(body: LineErrorBody): string {
  const details = (body.details ?? [])
    .map((d) => [d.property, d.message].filter(Boolean).join(": "))
    .filter(Boolean)
    .join("; ");
  return [body.message?.replace(/\.$/, ""), details].filter(Boolean).join(" — ");
}


/**
 * "You have reached your monthly limit." means either the plan's quota is used up, or the rest
 * of it is reserved by a delivery still in progress (LINE FAQ). The quota endpoints tell which:
 * used up → pause until the quota resets; reserved → pause a few minutes.
 * https://developers.line.biz/en/reference/messaging-api/#get-quota
 */
async function monthlyLimit(credentials: Credentials, ctx: ConnectorContext, platformCode: string): Promise<SendResult> {
  const usage = await quotaUsage(credentials, ctx);
  if (usage && usage.limit !== null && usage.used >= usage.limit) {
    return {
      ok: false,
      kind: "rate_limited",
      platformCode,
      retryAfterMs: msUntilQuotaReset(ctx.now()),
      reason: `This LINE Official Account has used its whole monthly message quota (${usage.used} of ${usage.limit}), so LINE accepts no more messages until the quota resets next month. An admin can raise the limit by upgrading the LINE plan.`,
    };
  }
  if (usage) {
    return {
      ok: false,
      kind: "rate_limited",
      platformCode,
      retryAfterMs: QUOTA_RESERVED_PAUSE_MS,
      reason: "LINE says the monthly message limit is reached because the remaining quota is reserved by a delivery still in progress; sending resumes in a few minutes.",
    };
  }
  return {
    ok: false,
    kind: "rate_limited",
    platformCode,
    retryAfterMs: QUOTA_UNKNOWN_PAUSE_MS,
    reason: "LINE says this LINE Official Account has reached its monthly message limit, so sending is paused. An admin can upgrade the LINE plan; sending is tried again in an hour.",
  };
}

const QUOTA_RESERVED_PAUSE_MS = 10 * 60_000;
const QUOTA_UNKNOWN_PAUSE_MS = 60 * 60_000;

async function quotaUsage(credentials: Credentials, ctx: ConnectorContext): Promise<{ limit: number | null; used: number } | null> {
  try {
    const headers = { authorization: `Bearer ${credentials.channelAccessToken ?? ""}` };
    const [quotaRes, usageRes] = await Promise.all([
      ctx.fetch(`${apiBase(ctx)}/v2/bot/message/quota`, { headers }),
      ctx.fetch(`${apiBase(ctx)}/v2/bot/message/quota/consumption`, { headers }),
    ]);
    if (!quotaRes.ok || !usageRes.ok) return null;
    const quota = (await quotaRes.json()) as { type?: string; value?: number };
    const usage = (await usageRes.json()) as { totalUsage?: number };
    if (typeof usage.totalUsage !== "number") return null;
    return { limit: quota.type === "limited" && typeof quota.value === "number" ? quota.value : null, used: usage.totalUsage };
  } catch {
    return null;
  }
}

/**
 * LINE's monthly quota resets on the 1st in the account's country. Counting from midnight in
 * UTC+7 (Thailand, Indonesia: the latest of LINE's main markets) means Japanese (UTC+9) and
 * Taiwanese (UTC+8) accounts resume at most two hours late, never before their reset.
 */
export function msUntilQuotaReset(now: number): number {
  const offset = 7 * 3600_000;
  const local = new Date(now + offset);
  const nextMonthLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1);
  return nextMonthLocal - offset - now;
}
