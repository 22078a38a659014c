import type { z } from "zod";
import type { ChannelType, MessageContent, TemplateComponent } from "@inbox/shared";

/**
 * The one interface every channel implements. Nothing outside `connectors/` knows a
 * platform's wire format: callers ask a connector for its capabilities and hand it canonical
 * messages. Web-standard APIs only (fetch, WebCrypto, TextEncoder), no platform SDKs, so the
 * same code runs on Node and on Workers.
 */

/** How agent formatting (`*bold*`, `_italic_`, lists, links in markdown-lite) must be rendered. */
export type FormattingStyle = "whatsapp" | "telegram-html" | "plain";

export interface ConnectorCapabilities {
  maxTextLength: number;
  /** Most reply buttons one message may carry; 0 if the channel has none. */
  maxButtons: number;
  maxButtonTitleLength: number;
  maxQuickReplies: number;
  /** Hours after the customer's last message in which free-form replies are allowed; null = always. */
  replyWindowHours: number | null;
  /** Hours a human agent may still answer with the platform's human-agent tag (Meta); null = none. */
  humanAgentWindowHours: number | null;
  /** Outbound media limits in bytes, and accepted MIME types per kind. */
  media: Partial<Record<"image" | "audio" | "video" | "file", { maxBytes: number; mimeTypes: readonly string[] }>>;
  formatting: FormattingStyle;
  /** Which delivery receipts the platform sends. */
  receipts: readonly ("delivered" | "read")[];
}

/**
 * What a connector needs from the outside world. The server hands in the platform's own API
 * (or the operator's override, PLATFORM_API_URLS, e.g. a local fake in tests) and a fetch that
 * refuses private addresses, cross-host redirects and oversize bodies.
 */
export interface ConnectorContext {
  fetch: typeof fetch;
  /** The platform API's base URL (e.g. https://graph.facebook.com/v21.0); a fake's URL in tests and the simulator, never a workspace's choice. */
  apiBaseUrl: string;
  now(): number;
}

/** The platform's credentials for one inbox, after decryption on the server (never sent to clients). */
export type Credentials = Record<string, string>;

/** A webhook exactly as received: the raw bytes are what signatures are computed over. */
export interface WebhookRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

/** A reference to media held by the platform, fetched with `downloadMedia` and stored by the server. */
export const PLATFORM_MEDIA_PREFIX = "platform-media:";

export interface InboundSender {
  /** The customer's id on this channel (phone number, PSID, chat id, OpenID, user id). */
  externalId: string;
  name?: string;
  phone?: string;
}

/**
 * Everything a webhook can tell us, in canonical form. Media content carries
 * `url: "platform-media:<id>"` until the server has downloaded it into its blob store.
 */
export type InboundEvent =
  | {
      type: "message";
      /** The platform's message id: a redelivered webhook with the same id is a no-op. */
      externalId: string;
      sender: InboundSender;
      content: MessageContent;
      at: number;
      /** The platform id of the message this one answers (button replies, quotes). */
      inReplyTo?: string;
    }
  | { type: "edit"; externalId: string; sender: InboundSender; content: MessageContent; at: number }
  | { type: "delete"; externalId: string; sender: InboundSender; at: number }
  /** A receipt for one of our messages (by the platform's id for it). */
  | {
      type: "status";
      externalMessageId: string;
      status: "sent" | "delivered" | "read" | "failed";
      reason?: string;
      /** For asynchronous failures: which of the seed's states it means (e.g. blocked). */
      failureKind?: SendFailureKind;
      /** Our message id, where the platform echoes it (WhatsApp's biz_opaque_callback_data): ties the receipt to a send whose answer was lost. */
      ourMessageId?: string;
      at: number;
    }
  /** Receipts that cover everything up to a time (Messenger/Instagram watermarks). */
  | { type: "watermark"; sender: InboundSender; status: "delivered" | "read"; upTo: number; at: number }
  /** The customer blocked/unfollowed/unsubscribed: replies cannot reach them. */
  | { type: "blocked"; sender: InboundSender; at: number }
  /** A message template's review status changed (WhatsApp's `message_template_status_update`). */
  | {
      type: "template_status";
      /** The business account the template belongs to. */
      accountId: string;
      templateId?: string;
      name: string;
      language: string;
      /** Meta's event: APPROVED, REJECTED, PAUSED, DISABLED, … */
      status: string;
      /** Meta's reason (rejection reason, pause or disable details); absent when none. */
      reason?: string;
      at: number;
    }
  | { type: "unblocked"; sender: InboundSender; at: number };

export interface OutboundMessage {
  /** Our message id (idempotency on our side; some platforms echo it back). */
  messageId: string;
  conversationId: string;
  /** The customer's id on this channel. */
  recipient: string;
  content: MessageContent;
  senderName: string;
  createdAt: number;
  /** The message's place in its conversation (arrival sequence); web chat's widget orders by it. */
  position?: number;
  /** When the customer last wrote (for messaging windows); null if never. */
  lastInboundAt: number | null;
  /** Media bytes for `content.url`, loaded by the server from its blob store when the platform needs an upload. */
  media?: { bytes: Uint8Array; mimeType: string; filename: string };
  /** Publicly reachable URL of the media, for platforms that fetch by link. */
  mediaUrl?: string;
  /**
   * The inbox may use the platform's human-agent extension of the messaging window (Meta's
   * HUMAN_AGENT tag, 7 days): an admin's per-inbox setting, since the platform grants it per
   * app. Absent or false: only the standard window.
   */
  humanAgentWindow?: boolean;
}

/**
 * What happened when sending. `retry` failures go back to the outbox with backoff; the others
 * carry the channel state the seed's failure table asks for.
 */
export type SendFailureKind =
  /** Temporary (network, 5xx, unknown): try again later. */
  | "retry"
  /** The customer blocked the business / is unreachable: the message shows a delivery failure. */
  | "blocked"
  /** Credentials expired or revoked: agents see an error, admins must reconnect. */
  | "token_expired"
  /** Platform limits reached: sending pauses until `retryAfterMs`, admins are notified. */
  | "rate_limited"
  /** Outside the messaging window: a template (WhatsApp) or tag (Meta) is needed. */
  | "window_closed"
  /** The platform refused this message for good (bad media, too long, …). */
  | "rejected";

export type SendResult =
  | { ok: true; externalId: string | null; delivered: boolean }
  | { ok: false; kind: SendFailureKind; reason: string; retryAfterMs?: number; platformCode?: string };

/**
 * What sending the same message again does, when the server stopped during a send and cannot
 * know whether it went out:
 * - `deduplicated`: the platform drops a repeat of the same message for `withinMs` (LINE's
 *   X-Line-Retry-Key, derived from our message id; web chat's widget, by message id), so the
 *   send is simply repeated.
 * - `echoed`: a repeat would be a second message, but the platform's receipts carry our message
 *   id (WhatsApp's biz_opaque_callback_data), so a receipt can still confirm the send later.
 * - `none`: neither (Telegram, Messenger, Instagram, WeChat).
 * In the last two cases the message is marked "may not have been sent", never sent again on
 * its own: an agent decides.
 */
export type RepeatSend = { kind: "deduplicated"; withinMs: number } | { kind: "echoed" } | { kind: "none" };

export type HandshakeResponse = { status: number; body: string; contentType?: string };

export type CredentialCheck = { ok: true; accountName?: string } | { ok: false; reason: string };

/** A webhook registration or removal: done, or why not, in words an admin understands. */
export type WebhookChange = { ok: true } | { ok: false; reason: string };

/** The platform's view of the webhook registered for an inbox, the same shape for every platform. */
export interface WebhookStatus {
  /** Where the platform delivers; null when no webhook is registered. */
  url: string | null;
  /** Deliveries the platform still holds for us, where it says. */
  pendingUpdates?: number;
  /** The platform's last delivery error, and when (ms), where it says. */
  lastError?: string | null;
  lastErrorAt?: number | null;
}

export type WebhookStatusCheck = { ok: true; status: WebhookStatus } | { ok: false; reason: string };

/**
 * How the server recognises a delivery it already holds. Platforms redeliver what they think
 * was not received; the server stores each delivery key once per inbox.
 */
export interface DeliveryKeys {
  /**
   * The same for every delivery of one webhook (Telegram's update_id, LINE's webhookEventIds,
   * WeChat's MsgId, a hash of the body where nothing better exists): a repeat is acknowledged
   * as usual and not stored again, whatever its body.
   */
  delivery: string;
  /**
   * A one-time proof in a request whose body the signature does not cover (WeChat's signed
   * timestamp and nonce): seen again with another body, the delivery is refused as a replay.
   */
  replay?: string;
}

/** Where a platform puts what authenticates a webhook: dropped before the webhook is stored. */
export interface WebhookSecrets {
  /** Header names, lower case. */
  headers: readonly string[];
  query: readonly string[];
}

export interface Connector {
  readonly channel: ChannelType;
  readonly capabilities: ConnectorCapabilities;
  /** What an admin enters to connect the channel (validated before saving). */
  readonly credentialsSchema: z.ZodType<Credentials>;
  /** The platform's default API base URL (overridden by configuration for fakes). */
  readonly defaultApiBaseUrl: string;
  /** See RepeatSend; absent means `none`. */
  readonly repeatSend?: RepeatSend;
  /**
   * The platform keeps redelivering a webhook answered with a 5xx, for long enough to ride out
   * an overloaded server (Meta: hours to days; Telegram: up to 24 h), so the server may refuse
   * one with 503 and Retry-After instead of storing it. Absent or false: a refused delivery may
   * be lost (WeChat tries 3 times within about 15 s; LINE redelivers only when the admin opted
   * in), so the server always stores it. See ../shared/platform-apis.md, section h of each.
   */
  readonly redeliversRefusedWebhooks?: boolean;

  /** GET setup handshakes (Meta's hub.challenge, WeChat's echostr); null if this GET is not one. */
  handshake(req: WebhookRequest, credentials: Credentials): Promise<HandshakeResponse | null>;
  /**
   * Signature check over the raw body; false means 401/403 and nothing stored. `now` (ms) is
   * for platforms that sign a timestamp (default: the clock).
   */
  verify(req: WebhookRequest, credentials: Credentials, now?: number): Promise<boolean>;
  /** Names a delivery `verify` accepted (see DeliveryKeys); never throws. */
  deliveryKeys(req: WebhookRequest, credentials: Credentials): Promise<DeliveryKeys>;
  /** The headers and query parameters that authenticate this platform's webhooks. */
  readonly webhookSecrets: WebhookSecrets;
  /** What the platform expects as the acknowledgement body (WeChat: "success"). */
  acknowledge(req: WebhookRequest): HandshakeResponse;
  /**
   * Canonical events in a verified webhook (decrypting where the platform encrypts), read from
   * the webhook as stored (without `webhookSecrets`). Unknown kinds become "unsupported"
   * messages, never dropped; a body that is not the platform's webhook at all throws
   * `MalformedWebhookError`, nothing else.
   */
  parse(req: WebhookRequest, credentials: Credentials): Promise<InboundEvent[]>;
  send(message: OutboundMessage, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult>;
  /** Fetches media the platform holds (by the id after `platform-media:`). */
  downloadMedia(mediaId: string, credentials: Credentials, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string }>;
  /** Checks credentials against the platform's API before an admin's connect is saved. */
  validateCredentials(credentials: Credentials, ctx: ConnectorContext): Promise<CredentialCheck>;
  /**
   * For platforms where the webhook is registered by an API call rather than in the platform's
   * console (Telegram's setWebhook): points the platform at `url`, with the authentication the
   * connector's `verify` expects. Absent: the admin copies the webhook URL into the platform.
   */
  registerWebhook?(url: string, credentials: Credentials, ctx: ConnectorContext): Promise<WebhookChange>;
  /** Stops the platform's deliveries (the channel was disabled or removed). */
  unregisterWebhook?(credentials: Credentials, ctx: ConnectorContext): Promise<WebhookChange>;
  /** What the platform says about the registered webhook (where it points, its last delivery error). */
  webhookStatus?(credentials: Credentials, ctx: ConnectorContext): Promise<WebhookStatusCheck>;
  /**
   * The customer's name and picture from the platform's profile API, for channels whose
   * webhooks do not carry them (Messenger, Instagram, LINE, WeChat). Null when the platform
   * cannot or will not say (error, blocked, no permission); never throws.
   */
  fetchProfile?(externalId: string, credentials: Credentials, ctx: ConnectorContext): Promise<ContactProfile | null>;
  /** Message templates (WhatsApp); a message whose text content carries `template` is sent as one. */
  readonly templates?: TemplateApi;
}

/** One message template as the platform lists it. */
export interface PlatformTemplate {
  externalId: string | null;
  name: string;
  language: string;
  status: string;
  category: string | null;
  parameterFormat: "POSITIONAL" | "NAMED";
  components: TemplateComponent[];
  reason: string | null;
}

export type TemplateListResult = { ok: true; templates: PlatformTemplate[] } | { ok: false; reason: string; kind: SendFailureKind };

/** Platforms whose business messages outside the window are pre-approved templates (WhatsApp). */
export interface TemplateApi {
  /** Every template of the business account, all pages, in any status. */
  list(accountId: string, credentials: Credentials, ctx: ConnectorContext): Promise<TemplateListResult>;
}

/** What a platform says about a customer; `avatarUrl` is always an https URL. */
export interface ContactProfile {
  name: string | null;
  avatarUrl: string | null;
}
