import type { MessageContent } from "@inbox/shared";
import type { ConnectorContext, CredentialCheck, Credentials, OutboundMessage, SendFailureKind, SendResult } from "../src/connector.ts";
import { hmacSha256, toHex } from "../src/crypto.ts";
import { formatForPlatform } from "../src/formatting.ts";
import { MESSENGER_LIMITS, messengerCapabilities, messengerCredentialsSchema } from "./config.ts";

/**
 * Send API: `POST /{PAGE_ID}/messages` with the Page token, `messaging_type` RESPONSE inside the
 * 24 h window, MESSAGE_TAG + HUMAN_AGENT up to 7 days where the inbox may use the tag (Meta grants
 * the Human Agent permission per app: an admin's setting, `message.humanAgentWindow`), nothing after that.
 * https://developers.facebook.com/docs/messenger-platform/reference/send-api
 */
export async function sendMessage(message: OutboundMessage, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  const window = messagingWindow(message.lastInboundAt, ctx.now(), message.humanAgentWindow === true);
  if (!window) {
    return fail(
      "window_closed",
      message.lastInboundAt === null
        ? "The customer has not written to this Page yet, and Messenger only lets a Page answer people who wrote first."
        : message.humanAgentWindow === true
          ? "More than 7 days have passed since the customer's last message, so Messenger does not allow a reply until they write again."
          : "More than 24 hours have passed since the customer's last message. Messenger allows a later reply (up to 7 days) only with the Human Agent tag, which is off for this channel: an admin can turn it on in Settings → Channels if the Meta app has the Human Agent permission. Otherwise wait for the customer to write again.",
    );
  }
  const parts = renderParts(message);
  if ("rejected" in parts) return fail("rejected", parts.rejected);

  let externalId: string | null = null;
  for (const part of parts) {
    const result = await postMessage(part, message.recipient, window, credentials, ctx);
    if (!result.ok) return result;
    externalId ??= result.externalId;
  }
  return { ok: true, externalId, delivered: false };
}

/** The `messaging_type` (+ tag) Meta allows at this point, or null when only the customer can reopen the thread. */
export type MessagingWindow = { messaging_type: "RESPONSE" } | { messaging_type: "MESSAGE_TAG"; tag: "HUMAN_AGENT" };

export function messagingWindow(lastInboundAt: number | null, now: number, humanAgent: boolean): MessagingWindow | null {
  if (lastInboundAt === null) return null;
  const hours = (now - lastInboundAt) / 3_600_000;
  if (hours <= MESSENGER_LIMITS.responseWindowHours) return { messaging_type: "RESPONSE" };
  if (humanAgent && hours <= MESSENGER_LIMITS.humanAgentWindowHours) return { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" };
  return null;
}

type AttachmentType = "image" | "audio" | "video" | "file";
/** One Send API request: a JSON `message`, or an attachment uploaded as multipart `filedata`. */
type Part =
  | { kind: "json"; message: Record<string, unknown> }
  | { kind: "upload"; type: AttachmentType; bytes: Uint8Array; mimeType: string; filename: string };

/** Canonical content → Send API messages, within Messenger's limits (never something it would refuse). */
function renderParts(message: OutboundMessage): Part[] | { rejected: string } {
  const content = message.content;
  switch (content.kind) {
    case "text":
      return textParts(content.text);
    case "image":
    case "video":
      return withCaption(attachmentPart(content.kind, message), content.caption);
    case "audio":
      // Messenger has no separate voice-note type: voice notes go out as audio clips.
      return withCaption(attachmentPart("audio", message), undefined);
    case "file":
      return withCaption(attachmentPart("file", message), undefined);
    case "location":
      // The Send API cannot send locations: a map link is what a person would paste.
      return textParts(locationText(content), false);
    case "buttons":
      return buttonsParts(content);
    case "quick_replies":
      return quickReplyParts(content.text, content.replies);
    case "unsupported":
      return { rejected: "This kind of message cannot be sent on Messenger." };
  }
}

function format(text: string): string {
  return formatForPlatform(text, messengerCapabilities.formatting);
}

function tooLong(length: number): { rejected: string } {
  return { rejected: `The message is ${length} characters long; Messenger accepts at most ${MESSENGER_LIMITS.textLength}.` };
}

function textParts(text: string, formatted = true): Part[] | { rejected: string } {
  const body = formatted ? format(text) : text;
  if (body.length > MESSENGER_LIMITS.textLength) return tooLong(body.length);
  return [{ kind: "json", message: { text: body } }];
}

function attachmentPart(type: AttachmentType, message: OutboundMessage): Part | { rejected: string } {
  const limit = messengerCapabilities.media[type];
  const link = message.mediaUrl ?? (/^https:\/\//i.test(messageUrl(message.content)) ? messageUrl(message.content) : undefined);
  if (link) return { kind: "json", message: { attachment: { type, payload: { url: link, is_reusable: true } } } };
  if (message.media) {
    if (limit && message.media.bytes.byteLength > limit.maxBytes) {
      return { rejected: `The ${type} is larger than Messenger's ${Math.round(limit.maxBytes / 1024 / 1024)} MB limit.` };
    }
    return { kind: "upload", type, bytes: message.media.bytes, mimeType: message.media.mimeType, filename: message.media.filename };
  }
  return { rejected: `The ${type} has no public link or file to send to Messenger.` };
}

function messageUrl(content: MessageContent): string {
  return "url" in content && typeof content.url === "string" ? content.url : "";
}

/** Messenger attachments have no caption field: the caption follows as its own text message. */
function withCaption(part: Part | { rejected: string }, caption: string | undefined): Part[] | { rejected: string } {
  if ("rejected" in part) return part;
  if (!caption?.trim()) return [part];
  const text = textParts(caption);
  return "rejected" in text ? text : [part, ...text];
}

function locationText(location: Extract<MessageContent, { kind: "location" }>): string {
  const lines = [`📍 ${location.name ?? "Location"}`];
  if (location.address) lines.push(location.address);
  lines.push(`https://www.google.com/maps/search/?api=1&query=${location.latitude},${location.longitude}`);
  return lines.join("\n");
}

type Choice = { id: string; title: string };

/**
 * Up to 3 buttons with ≤ 640 characters of text: a button template with postback buttons.
 * More (or longer text): quick replies (≤ 13). Beyond that: a numbered list the customer answers.
 */
function buttonsParts(content: { text: string; buttons: Choice[] }): Part[] | { rejected: string } {
  const text = format(content.text);
  if (content.buttons.length <= MESSENGER_LIMITS.buttons && text.length <= MESSENGER_LIMITS.buttonTemplateTextLength) {
    const buttons = content.buttons.map((b) => ({ type: "postback", title: truncate(b.title, MESSENGER_LIMITS.buttonTitleLength), payload: payloadOf(b) }));
    return [{ kind: "json", message: { attachment: { type: "template", payload: { template_type: "button", text, buttons } } } }];
  }
  return quickReplyParts(content.text, content.buttons);
}

function quickReplyParts(rawText: string, replies: Choice[]): Part[] | { rejected: string } {
  const text = format(rawText);
  if (replies.length > MESSENGER_LIMITS.quickReplies) return textParts(numberedList(text, replies), false);
  if (text.length > MESSENGER_LIMITS.textLength) return tooLong(text.length);
  const quick_replies = replies.map((r) => ({ content_type: "text", title: truncate(r.title, MESSENGER_LIMITS.quickReplyTitleLength), payload: payloadOf(r) }));
  return [{ kind: "json", message: { text, quick_replies } }];
}

function numberedList(text: string, choices: Choice[]): string {
  return [text, "", ...choices.map((c, i) => `${i + 1}. ${c.title}`)].join("\n");
}

function payloadOf(choice: Choice): string {
  return choice.id.slice(0, MESSENGER_LIMITS.payloadLength);
}

/** Cuts by code point so an emoji is never split; marks the cut with an ellipsis. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

async function postMessage(
  part: Part,
  recipient: string,
  window: MessagingWindow,
  credentials: Credentials,
  ctx: ConnectorContext,
): Promise<{ ok: true; externalId: string | null } | Extract<SendResult, { ok: false }>> {
  const url = await graphUrl(`/${encodeURIComponent(credentials.pageId ?? "")}/messages`, credentials, ctx);
  const headers: Record<string, string> = { authorization: `Bearer ${credentials.pageAccessToken ?? ""}` };
  let body: BodyInit;
  if (part.kind === "json") {
    headers["content-type"] = "application/json";
    body = JSON.stringify({ recipient: { id: recipient }, ...window, message: part.message });
  } else {
    const form = new FormData();
    form.set("recipient", JSON.stringify({ id: recipient }));
    form.set("messaging_type", window.messaging_type);
    if ("tag" in window) form.set("tag", window.tag);
    form.set("message", JSON.stringify({ attachment: { type: part.type, payload: { is_reusable: true } } }));
    form.set("filedata", new Blob([part.bytes as Uint8Array<ArrayBuffer>], { type: part.mimeType }), part.filename);
    body = form;
  }
  let res: Response;
  try {
    res = await ctx.fetch(url, { method: "POST", headers, body });
  } catch (err) {
    return fail("retry", `Messenger could not be reached (${errorText(err)}); the message will be retried.`);
  }
  const json = await readJson(res);
  if (res.ok && json && typeof json.message_id === "string") return { ok: true, externalId: json.message_id };
  if (res.ok) return { ok: true, externalId: null };
  return mapGraphError(res.status, json, res.headers, "tag" in window);
}

/** A Graph URL with `appsecret_proof`, which Meta requires when "Require app secret" is on. */
export async function graphUrl(path: string, credentials: Credentials, ctx: ConnectorContext, query: Record<string, string> = {}): Promise<string> {
  const url = new URL(`${ctx.apiBaseUrl.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  if (credentials.appSecret && credentials.pageAccessToken) {
    url.searchParams.set("appsecret_proof", toHex(await hmacSha256(credentials.appSecret, new TextEncoder().encode(credentials.pageAccessToken))));
  }
  return url.toString();
}

type GraphError = { code?: number; error_subcode?: number; message?: string; is_transient?: boolean };

/**
 * Graph error envelope `{error:{message,type,code,error_subcode,fbtrace_id}}` → what the inbox does next.
 * Codes: https://developers.facebook.com/docs/messenger-platform/error-codes
 */
export function mapGraphError(status: number, body: Record<string, unknown> | null, headers: Headers, tagged: boolean): Extract<SendResult, { ok: false }> {
  const error = (typeof body?.error === "object" && body.error !== null ? body.error : {}) as GraphError;
  const code = typeof error.code === "number" ? error.code : undefined;
  const subcode = typeof error.error_subcode === "number" ? error.error_subcode : undefined;
  const platformCode = code === undefined ? `HTTP ${status}` : subcode === undefined ? String(code) : `${code}/${subcode}`;
  const said = error.message ? ` (Messenger said: ${error.message})` : "";
  const result = (kind: SendFailureKind, reason: string, retryAfterMs?: number): Extract<SendResult, { ok: false }> => ({
    ok: false,
    kind,
    reason,
    platformCode,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });

  if (code === 551 || subcode === 1545041 || (code === 100 && subcode === 2018001)) {
    return result("blocked", "The customer can't receive messages from this Page right now (they blocked it or are unavailable), so the message was not delivered.");
  }
  if (subcode === 2018278 || (code === 10 && /allowed window/i.test(error.message ?? ""))) {
    return result(
      "window_closed",
      tagged
        ? "Messenger refused the reply: it is more than 24 hours after the customer's last message and this app may not use the Human Agent tag."
        : "Messenger refused the reply because it is outside the 24-hour messaging window.",
    );
  }
  if (code === 190 || code === 102 || (code === undefined && status === 401)) {
    return result("token_expired", "The Facebook Page connection has expired or was revoked. An admin needs to reconnect the Page.");
  }
  if (code !== undefined && code >= 200 && code <= 299) {
    return result("token_expired", `The Facebook Page connection is missing the permission to send messages. An admin needs to reconnect the Page${said}.`);
  }
  if (code === 4 && /attachment size/i.test(error.message ?? "")) {
    return result("rejected", "The attachment is larger than Messenger allows.");
  }
  if (code === 4 || code === 9 || code === 17 || code === 32 || code === 613 || (code !== undefined && code >= 80000 && code <= 80099) || status === 429) {
    return result("rate_limited", "Messenger is limiting how fast this Page can send. Sending resumes automatically.", retryAfterMs(headers));
  }
  if (code === 368) {
    return result("rejected", `Facebook has temporarily restricted this Page from sending messages because of a policy issue${said}.`);
  }
  if (code === 1 || code === 2 || error.is_transient === true || status >= 500) {
    return result("retry", "Messenger had a temporary problem; the message will be retried.");
  }
  return result("rejected", `Messenger refused this message${said || ` (HTTP ${status})`}.`);
}

const DEFAULT_RETRY_AFTER_MS = 60_000;

/**
 * Meta's throttle headers (`X-Business-Use-Case-Usage`, `X-Page-Usage`, `X-App-Usage`) carry
 * `estimated_time_to_regain_access` in minutes; a standard `Retry-After` (seconds) also counts.
 */
export function retryAfterMs(headers: Headers): number {
  let minutes = 0;
  for (const name of ["x-business-use-case-usage", "x-page-usage", "x-app-usage"]) {
    const value = headers.get(name);
    if (!value) continue;
    try {
      minutes = Math.max(minutes, maxRegainMinutes(JSON.parse(value)));
    } catch {
      // Unparseable usage header: fall back to the default pause.
    }
  }
  if (minutes > 0) return minutes * 60_000;
  const retryAfter = Number(headers.get("retry-after"));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  return DEFAULT_RETRY_AFTER_MS;
}

function maxRegainMinutes(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(maxRegainMinutes));
  if (typeof value !== "object" || value === null) return 0;
  let max = 0;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "estimated_time_to_regain_access" && typeof inner === "number") max = Math.max(max, inner);
    else max = Math.max(max, maxRegainMinutes(inner));
  }
  return max;
}

/** `GET /me` with the Page token must answer with this Page; a wrong app secret fails `appsecret_proof`. */
export async function validateCredentials(credentials: Credentials, ctx: ConnectorContext): Promise<CredentialCheck> {
  const parsed = messengerCredentialsSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "The credentials are incomplete." };
  let res: Response;
  try {
    const url = await graphUrl("/me", parsed.data, ctx, { fields: "id,name" });
    res = await ctx.fetch(url, { headers: { authorization: `Bearer ${parsed.data.pageAccessToken}` } });
  } catch (err) {
    return { ok: false, reason: `Facebook could not be reached (${errorText(err)}).` };
  }
  const json = await readJson(res);
  if (!res.ok) {
    const error = (json?.error ?? {}) as GraphError;
    if (error.code === 190 || res.status === 401) return { ok: false, reason: "The Page access token is invalid or has expired." };
    if (/appsecret_proof/i.test(error.message ?? "")) return { ok: false, reason: "The app secret does not belong to the app that issued this Page token." };
    return { ok: false, reason: `Facebook refused the credentials${error.message ? `: ${error.message}` : ` (HTTP ${res.status})`}.` };
  }
  const id = typeof json?.id === "string" ? json.id : undefined;
  const name = typeof json?.name === "string" ? json.name : undefined;
  if (id !== parsed.data.pageId) {
    return { ok: false, reason: `This token belongs to ${name ? `the Page "${name}"` : "another Page"} (${id ?? "unknown id"}), not Page ${parsed.data.pageId}.` };
  }
  return name ? { ok: true, accountName: name } : { ok: true };
}

async function readJson(res: Response): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await res.json();
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function fail(kind: SendFailureKind, reason: string): Extract<SendResult, { ok: false }> {
  return { ok: false, kind, reason };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
