import { ENGLISH_UNITS, type MessageContent, type TemplateSend } from "@inbox/shared";
import type { ConnectorContext, CredentialCheck, Credentials, OutboundMessage, SendFailureKind, SendResult } from "../src/connector.ts";
import { formatForPlatform } from "../src/formatting.ts";
import { templatePayload, type HeaderMedia } from "./template-payload.ts";
import {
  CUSTOMER_SERVICE_WINDOW_HOURS,
  INTERACTIVE,
  MAX_CAPTION_LENGTH,
  WHATSAPP_MEDIA,
  whatsappCapabilities,
  whatsappCredentialsSchema,
  type WhatsappCredentials,
} from "./config.ts";

/**
 * Outbound: `POST /{PHONE_NUMBER_ID}/messages` with a Bearer token, and the mapping of Graph
 * error codes to the inbox's failure kinds.
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
 * https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
 */

type Failure = Extract<SendResult, { ok: false }>;
type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Graph calls

export interface GraphResponse {
  status: number;
  headers: Headers;
  json: unknown;
}

/** One Graph API call; `null` when the platform could not be reached at all. */
export async function graphFetch(ctx: ConnectorContext, token: string, path: string, init: { method: string; body?: BodyInit; json?: unknown }): Promise<GraphResponse | null> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body = init.body;
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  }
  try {
    const res = await ctx.fetch(`${ctx.apiBaseUrl.replace(/\/+$/, "")}${path}`, { method: init.method, headers, body });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, json };
  } catch {
    return null;
  }
}

interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_data?: { details?: string };
}

function graphErrorOf(json: unknown): GraphError | null {
  if (json && typeof json === "object" && "error" in json) {
    const error = (json as { error: unknown }).error;
    if (error && typeof error === "object") return error as GraphError;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Error codes → failure kinds

const TOKEN_CODES = new Set([190, 102, 10, 131031]);
const BLOCKED_CODES = new Set([131026, 131050]);
const TEMPORARY_CODES = new Set([1, 2, 131000, 131016, 133004]);
/** Default pause per rate-limit code when the platform gives no hint (ms). */
const RATE_LIMIT_PAUSE_MS: Record<number, number> = {
  130429: 5_000, // throughput (80 msg/s per number by default)
  131056: 6_000, // pair rate limit: about one message per 6 s to the same customer
  131048: 15 * 60_000, // spam rate limit (quality): back off for a while
  131057: 60_000, // account in maintenance (throughput upgrade)
  80007: 60_000, // WABA rate limit
  4: 60_000, // application request limit
  17: 60_000, // user request limit
  32: 60_000, // page request limit
  613: 60_000, // custom rate limit
};

export interface ErrorClass {
  kind: SendFailureKind;
  reason: string;
  defaultRetryAfterMs?: number;
}

/** Maps a WhatsApp/Graph error code (sync response or async `failed` status) to a failure kind. */
export function classifyWhatsappError(code: number | undefined, httpStatus?: number, details?: string, transient?: boolean): ErrorClass {
  const detail = details ? ` (${details.replace(/\.$/, "")})` : "";
  if (code === 131047) {
    return {
      kind: "window_closed",
      reason: "More than 24 hours have passed since the customer's last message, so WhatsApp only allows an approved template message now.",
    };
  }
  if (code === 131050) {
    return { kind: "blocked", reason: "The customer has stopped marketing messages from this business, so the message was not delivered." };
  }
  if (code !== undefined && BLOCKED_CODES.has(code)) {
    return {
      kind: "blocked",
      reason: "WhatsApp could not deliver the message: the customer may have blocked this business, no longer use WhatsApp, or need to update their app.",
    };
  }
  if (code === 131031) {
    return { kind: "token_expired", reason: "The WhatsApp Business Account is locked; an admin must resolve it in Meta Business Manager and reconnect the channel." };
  }
  if ((code !== undefined && (TOKEN_CODES.has(code) || (code >= 200 && code <= 299))) || httpStatus === 401) {
    return { kind: "token_expired", reason: "The WhatsApp access token has expired, was revoked or lacks permission; an admin must reconnect the channel." };
  }
  if (code !== undefined && code in RATE_LIMIT_PAUSE_MS) {
    return {
      kind: "rate_limited",
      reason: "WhatsApp's sending limit was reached, so sending is paused for a while and will resume automatically.",
      defaultRetryAfterMs: RATE_LIMIT_PAUSE_MS[code],
    };
  }
  if (httpStatus === 429) {
    return { kind: "rate_limited", reason: "WhatsApp's sending limit was reached, so sending is paused for a while and will resume automatically.", defaultRetryAfterMs: 60_000 };
  }
  if (transient || (code !== undefined && TEMPORARY_CODES.has(code)) || httpStatus === undefined || httpStatus >= 500) {
    return { kind: "retry", reason: `WhatsApp is temporarily unavailable${detail}; the message will be sent again shortly.` };
  }
  if (code === 131030) {
    return { kind: "rejected", reason: "This WhatsApp number is in test mode and the customer is not on its list of allowed recipients." };
  }
  if (code === 131051) return { kind: "rejected", reason: "WhatsApp does not support this kind of message." };
  if (code === 131052 || code === 131053) {
    return { kind: "rejected", reason: `WhatsApp could not fetch or process the attached media${detail}.` };
  }
  if (code === 131049) {
    return { kind: "rejected", reason: "WhatsApp held this message back to limit how many business messages the customer receives." };
  }
  if (code === 132000) {
    return { kind: "rejected", reason: `WhatsApp refused the template: the number of values does not match its variables${detail}. Sync the templates and try again.` };
  }
  if (code === 132001) {
    return { kind: "rejected", reason: `WhatsApp does not know this template in this language${detail}; it may have been deleted. Sync the templates and pick another.` };
  }
  if (code === 132015 || code === 132016) {
    return { kind: "rejected", reason: `WhatsApp paused or disabled this template for low quality${detail}; pick another template.` };
  }
  if (code !== undefined && code >= 132000 && code < 133000) {
    return { kind: "rejected", reason: `WhatsApp refused the message template${detail}.` };
  }
  return { kind: "rejected", reason: `WhatsApp refused the message${detail || (code !== undefined ? ` (error ${code})` : "")}.` };
}

/** Seconds in `Retry-After`, or Meta's `estimated_time_to_regain_access` (minutes) in the usage headers. */
function retryHintMs(headers: Headers): number | undefined {
  const retryAfter = Number(headers.get("retry-after"));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  let minutes = 0;
  for (const name of ["x-business-use-case-usage", "x-app-usage"]) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      const usage = JSON.parse(raw) as unknown;
      const entries = Array.isArray(usage) ? usage : Object.values(usage as Record<string, unknown>).flat();
      const stack: unknown[] = [usage, ...entries];
      for (const item of stack) {
        if (item && typeof item === "object" && "estimated_time_to_regain_access" in item) {
          minutes = Math.max(minutes, Number((item as { estimated_time_to_regain_access: unknown }).estimated_time_to_regain_access) || 0);
        }
      }
    } catch {
      // malformed usage header: fall back to the per-code default
    }
  }
  return minutes > 0 ? minutes * 60_000 : undefined;
}

function failureFrom(res: GraphResponse | null): Failure {
  if (res === null) return { ok: false, kind: "retry", reason: "WhatsApp could not be reached; the message will be sent again shortly." };
  const error = graphErrorOf(res.json);
  const cls = classifyWhatsappError(error?.code, res.status, error?.error_data?.details ?? error?.message, error?.is_transient);
  const failure: Failure = { ok: false, kind: cls.kind, reason: cls.reason };
  if (error?.code !== undefined) failure.platformCode = String(error.code);
  else failure.platformCode = `HTTP ${res.status}`;
  if (cls.kind === "rate_limited") failure.retryAfterMs = retryHintMs(res.headers) ?? cls.defaultRetryAfterMs ?? 60_000;
  return failure;
}

function rejected(reason: string): Failure {
  return { ok: false, kind: "rejected", reason };
}

// ---------------------------------------------------------------------------------------------
// Message bodies

type Built = { ok: true; type: string; payload: Json } | Failure;

const baseMime = (mime: string) => mime.split(";")[0]!.trim().toLowerCase();

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const allDistinct = (values: string[]) => new Set(values).size === values.length;

type Choice = { id: string; title: string };

/**
 * Reply buttons (≤ 3, titles ≤ 20, truncated), else a list message (≤ 10 rows, full title kept in
 * the row description when cut), else a numbered text list: never something WhatsApp refuses.
 */
export function renderChoices(text: string, choices: Choice[]): Built {
  const body = formatForPlatform(text, "whatsapp");
  const ids = choices.map((c) => c.id);
  if (body.length <= INTERACTIVE.bodyLength && allDistinct(ids)) {
    const buttonTitles = choices.map((c) => truncate(c.title, INTERACTIVE.replyTitleLength));
    if (choices.length <= INTERACTIVE.maxReplyButtons && allDistinct(buttonTitles) && ids.every((id) => id.length <= INTERACTIVE.replyIdLength)) {
      return {
        ok: true,
        type: "interactive",
        payload: {
          type: "button",
          body: { text: body },
          action: { buttons: choices.map((c, i) => ({ type: "reply", reply: { id: c.id, title: buttonTitles[i] } })) },
        },
      };
    }
    const rowTitles = choices.map((c) => truncate(c.title, INTERACTIVE.listRowTitleLength));
    if (choices.length <= INTERACTIVE.maxListRows && allDistinct(rowTitles) && ids.every((id) => id.length <= INTERACTIVE.listRowIdLength)) {
      return {
        ok: true,
        type: "interactive",
        payload: {
          type: "list",
          body: { text: body },
          action: {
            button: "Choose",
            sections: [
              {
                rows: choices.map((c, i) => ({
                  id: c.id,
                  title: rowTitles[i],
                  ...(rowTitles[i] !== c.title ? { description: truncate(c.title, INTERACTIVE.listRowDescriptionLength) } : {}),
                })),
              },
            ],
          },
        },
      };
    }
  }
  const list = choices.map((c, i) => `${i + 1}. ${c.title}`).join("\n");
  const full = `${body}\n\n${list}`;
  if (full.length > whatsappCapabilities.maxTextLength) return rejected(`The message with its options is longer than WhatsApp's ${whatsappCapabilities.maxTextLength} characters.`);
  return { ok: true, type: "text", payload: { body: full, preview_url: false } };
}

type MediaKind = keyof typeof WHATSAPP_MEDIA;
const WA_MEDIA_TYPE: Record<MediaKind, string> = { image: "image", audio: "audio", video: "video", file: "document" };

async function mediaReference(
  kind: MediaKind,
  mimeType: string,
  size: number | undefined,
  message: OutboundMessage,
  creds: WhatsappCredentials,
  ctx: ConnectorContext,
): Promise<{ ok: true; ref: Json } | Failure> {
  const limits = WHATSAPP_MEDIA[kind];
  const mime = baseMime(message.media?.mimeType ?? mimeType);
  if (!(limits.mimeTypes as readonly string[]).includes(mime)) {
    return rejected(`WhatsApp cannot send ${mime || "this type of"} ${ENGLISH_UNITS.kinds(kind)}; it accepts ${limits.mimeTypes.join(", ")}.`);
  }
  const bytes = message.media?.bytes.byteLength ?? size;
  if (bytes !== undefined && bytes > limits.maxBytes) {
    return rejected(`The ${kind} is larger than WhatsApp's ${Math.round(limits.maxBytes / (1024 * 1024))} MB limit.`);
  }
  if (message.mediaUrl) return { ok: true, ref: { link: message.mediaUrl } };
  if (!message.media) return rejected("The attachment could not be loaded for sending.");

  // No public link: upload the bytes first (POST /{PHONE_NUMBER_ID}/media, multipart).
  const form = new FormData();
  form.append("messaging_product", "whatsapp");
  form.append("type", mime);
  form.append("file", new Blob([message.media.bytes as Uint8Array<ArrayBuffer>], { type: mime }), message.media.filename);
  const res = await graphFetch(ctx, creds.accessToken, `/${encodeURIComponent(creds.phoneNumberId)}/media`, { method: "POST", body: form });
  const id = res && res.status < 300 ? (res.json as { id?: unknown } | null)?.id : undefined;
  if (typeof id !== "string") return failureFrom(res && res.status < 300 ? { ...res, status: 502 } : res);
  return { ok: true, ref: { id } };
}

async function buildContent(content: MessageContent, message: OutboundMessage, creds: WhatsappCredentials, ctx: ConnectorContext): Promise<Built> {
  const caption = (text: string | undefined) => (text ? { caption: truncate(formatForPlatform(text, "whatsapp"), MAX_CAPTION_LENGTH) } : {});
  switch (content.kind) {
    case "text": {
      const body = formatForPlatform(content.text, "whatsapp");
      if (body.length > whatsappCapabilities.maxTextLength) return rejected(`The message is longer than WhatsApp's ${whatsappCapabilities.maxTextLength} characters.`);
      return { ok: true, type: "text", payload: { body, preview_url: /https?:\/\//.test(body) } };
    }
    case "image":
    case "video":
    case "audio": {
      const ref = await mediaReference(content.kind, content.mimeType, undefined, message, creds, ctx);
      if (!ref.ok) return ref;
      const extra = content.kind === "audio" ? {} : caption(content.caption);
      return { ok: true, type: WA_MEDIA_TYPE[content.kind], payload: { ...ref.ref, ...extra } };
    }
    case "file": {
      const ref = await mediaReference("file", content.mimeType, content.size, message, creds, ctx);
      if (!ref.ok) return ref;
      return { ok: true, type: "document", payload: { ...ref.ref, filename: content.filename || message.media?.filename || "file" } };
    }
    case "location":
      return {
        ok: true,
        type: "location",
        payload: {
          latitude: content.latitude,
          longitude: content.longitude,
          ...(content.name ? { name: content.name } : {}),
          ...(content.address ? { address: content.address } : {}),
        },
      };
    case "buttons":
      return renderChoices(content.text, content.buttons);
    case "quick_replies":
      return renderChoices(content.text, content.replies);
    case "unsupported":
      return rejected("This kind of message cannot be sent on WhatsApp.");
  }
}

/**
 * A template message; one whose content is an image, video or file carries that file as its
 * media header, referenced as attachments are (a link, or the id of an upload), within the same
 * limits.
 */
async function buildTemplate(template: TemplateSend, message: OutboundMessage, creds: WhatsappCredentials, ctx: ConnectorContext): Promise<Built> {
  const content = message.content;
  if (content.kind !== "image" && content.kind !== "video" && content.kind !== "file") return { ok: true, type: "template", payload: templatePayload(template) };
  const ref = await mediaReference(content.kind, content.mimeType, content.kind === "file" ? content.size : undefined, message, creds, ctx);
  if (!ref.ok) return ref;
  // The name the file goes by: the agent's, else the stored copy's (the payload sends it for a document only).
  const filename = ("filename" in content && content.filename) || message.media?.filename;
  const media: HeaderMedia = { type: WA_MEDIA_TYPE[content.kind] as HeaderMedia["type"], ref: ref.ref, filename };
  return { ok: true, type: "template", payload: templatePayload(template, media) };
}

/** Business-scoped user ids (`US.1349…`) go in `recipient`; phone numbers in `to`, digits only. */
function addressOf(recipient: string): Json {
  if (/^[A-Z]{2}\.[0-9]+$/.test(recipient)) return { recipient };
  return { to: recipient.replace(/[^0-9]/g, "") };
}

export function parseCredentials(credentials: Credentials): WhatsappCredentials | null {
  const parsed = whatsappCredentialsSchema.safeParse(credentials);
  return parsed.success ? parsed.data : null;
}

const WINDOW_MS = CUSTOMER_SERVICE_WINDOW_HOURS * 3600_000;

export async function send(message: OutboundMessage, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  const creds = parseCredentials(credentials);
  if (!creds) return { ok: false, kind: "token_expired", reason: "The WhatsApp channel is missing credentials; an admin must reconnect it." };

  // An approved template may be sent at any time; it is what reopens a closed window.
  const template = "template" in message.content ? message.content.template : undefined;
  // Free-form messages only inside the customer-service window; outside it WhatsApp answers
  // 131047, so do not spend a call.
  if (!template && (message.lastInboundAt === null || ctx.now() - message.lastInboundAt > WINDOW_MS)) {
    return { ok: false, kind: "window_closed", reason: classifyWhatsappError(131047).reason };
  }

  const built: Built = template ? await buildTemplate(template, message, creds, ctx) : await buildContent(message.content, message, creds, ctx);
  if (!built.ok) return built;

  const body = {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    ...addressOf(message.recipient),
    type: built.type,
    [built.type]: built.payload,
    // Echoed back in status webhooks: ties receipts to our message even if the send timed out.
    biz_opaque_callback_data: message.messageId,
  };
  const res = await graphFetch(ctx, creds.accessToken, `/${encodeURIComponent(creds.phoneNumberId)}/messages`, { method: "POST", json: body });
  if (!res || res.status >= 300 || graphErrorOf(res.json)) return failureFrom(res);
  const id = (res.json as { messages?: { id?: unknown }[] } | null)?.messages?.[0]?.id;
  return { ok: true, externalId: typeof id === "string" ? id : null, delivered: false };
}

/** `GET /{PHONE_NUMBER_ID}?fields=verified_name,display_phone_number` with the token. */
export async function validateCredentials(credentials: Credentials, ctx: ConnectorContext): Promise<CredentialCheck> {
  const creds = parseCredentials(credentials);
  if (!creds) return { ok: false, reason: "Enter the access token, phone number id, app secret and verify token." };
  const res = await graphFetch(ctx, creds.accessToken, `/${encodeURIComponent(creds.phoneNumberId)}?fields=verified_name,display_phone_number`, { method: "GET" });
  if (!res) return { ok: false, reason: "WhatsApp could not be reached; try again in a moment." };
  const error = graphErrorOf(res.json);
  if (res.status >= 300 || error) {
    if (error?.code === 100 || res.status === 404) {
      return { ok: false, reason: "This phone number id does not exist or this token cannot access it." };
    }
    const cls = classifyWhatsappError(error?.code, res.status, error?.error_data?.details ?? error?.message, error?.is_transient);
    if (cls.kind === "token_expired") return { ok: false, reason: "The access token is invalid, expired or lacks the whatsapp_business_messaging permission." };
    return { ok: false, reason: cls.reason };
  }
  const info = (res.json ?? {}) as { verified_name?: unknown; display_phone_number?: unknown };
  const name = [info.verified_name, info.display_phone_number].filter((v): v is string => typeof v === "string" && v !== "");
  return name.length ? { ok: true, accountName: name.length === 2 ? `${name[0]} (${name[1]})` : name[0]! } : { ok: true };
}
