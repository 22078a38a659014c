import { createHash, createHmac, randomBytes } from "node:crypto";
import type { WebhookRequest } from "../src/connector.ts";
import { FakePlatform, type FakeHandler, type FakeReply, type RecordedRequest } from "../src/testing/fake-platform.ts";
import type { WhatsappCredentials } from "./config.ts";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "../src/demo-media/media.ts";

/**
 * A stand-in for the WhatsApp Cloud API (Graph) on loopback, for tests and the demo simulator,
 * plus builders for webhook payloads shaped as in Meta's webhook reference, signed as Meta signs.
 */

export const FAKE_WHATSAPP_CREDENTIALS: WhatsappCredentials = {
  accessToken: "EAAG-fake-whatsapp-token",
  phoneNumberId: "106540352242922",
  appSecret: "fake-app-secret",
  verifyToken: "fake-verify-token",
};

export const FAKE_DISPLAY_PHONE_NUMBER = "15550001111";
export const FAKE_CUSTOMER = { waId: "4915112345678", name: "Ana" } as const;

/** Media the fake serves from the start (ids as inbound webhooks would carry them): real files a browser decodes. */
export const FAKE_MEDIA = {
  image: { id: "2754859441498128", mimeType: PHOTO_JPEG.mimeType, bytes: PHOTO_JPEG.bytes },
  voice: { id: "1042716390611204", mimeType: VOICE_OGG.mimeType, bytes: VOICE_OGG.bytes },
  document: { id: "3318849025106722", mimeType: INVOICE_PDF.mimeType, bytes: INVOICE_PDF.bytes },
} as const;

/** The business account (WABA) of the fake number, as the envelope's `entry[].id` says. */
export const FAKE_WABA_ID = "102290129340398";

/** A template as Graph lists it (`GET /{WABA-ID}/message_templates`). */
export interface FakeTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  parameter_format?: "POSITIONAL" | "NAMED";
  rejected_reason?: string;
  components: Record<string, unknown>[];
}

/** The fake account's templates from the start: approved in two languages, one with an image header, one rejected, one pending. */
export const FAKE_TEMPLATES: readonly FakeTemplate[] = [
  {
    id: "1409287336489765",
    name: "order_update",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#4521"] } },
      { type: "BODY", text: "Hi {{1}}, your order {{2}} has shipped and should arrive {{3}}.", example: { body_text: [["Ana", "#4521", "on Friday"]] } },
      { type: "FOOTER", text: "Acme Support" },
    ],
  },
  {
    id: "1409287336489766",
    name: "order_update",
    language: "pt_BR",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "TEXT", text: "Pedido {{1}}" },
      { type: "BODY", text: "Olá {{1}}, seu pedido {{2}} foi enviado e deve chegar {{3}}." },
      { type: "FOOTER", text: "Acme Suporte" },
    ],
  },
  {
    id: "2209287336480001",
    name: "follow_up",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "BODY", text: "Hi {{1}}, we are still here if you need help with your last request. Just reply to this message." },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "All sorted" }] },
    ],
  },
  {
    id: "2209287336480004",
    name: "delivery_photo",
    language: "en_US",
    status: "APPROVED",
    category: "UTILITY",
    parameter_format: "POSITIONAL",
    components: [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2UvanBlZw==:ARa1ZDhwbLZM3EENeeg"] } },
      { type: "BODY", text: "Hi {{1}}, your parcel {{2}} was delivered. Here is the photo our courier took.", example: { body_text: [["Ana", "#4521"]] } },
    ],
  },
  {
    id: "3309287336480002",
    name: "spring_sale",
    language: "en_US",
    status: "REJECTED",
    category: "MARKETING",
    rejected_reason: "PROMOTIONAL",
    components: [{ type: "BODY", text: "Everything 30% off this week, {{1}}!" }],
  },
  {
    id: "4409287336480003",
    name: "appointment_reminder",
    language: "en_US",
    status: "PENDING",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Reminder: your appointment is on {{1}}." }],
  },
];

interface StoredMedia {
  bytes: Uint8Array;
  mimeType: string;
}

interface FakeState {
  credentials: WhatsappCredentials;
  media: Map<string, StoredMedia>;
  sent: number;
  /** Where receipts (status webhooks) go, once a test or the demo asks for them. */
  statusHook: string | null;
  /** Receipts not yet acknowledged by the webhook's owner. */
  owed: Set<Promise<void>>;
  stopped: boolean;
  /** Templates per business account id. */
  templates: Map<string, FakeTemplate[]>;
}

export class FakeWhatsapp extends FakePlatform {
  readonly credentials: WhatsappCredentials;
  /** Media the fake can serve by id; uploads are added here too. */
  readonly media: Map<string, StoredMedia>;

  constructor(credentials: WhatsappCredentials = FAKE_WHATSAPP_CREDENTIALS) {
    const state: FakeState = {
      credentials,
      media: new Map(),
      sent: 0,
      statusHook: null,
      owed: new Set(),
      stopped: false,
      templates: new Map([[FAKE_WABA_ID, FAKE_TEMPLATES.map((t) => structuredClone(t))]]),
    };
    for (const m of Object.values(FAKE_MEDIA)) state.media.set(m.id, { bytes: m.bytes, mimeType: m.mimeType });
    const handler: FakeHandler = (req) => defaultReply(req, state);
    super(handler);
    this.credentials = credentials;
    this.media = state.media;
    this.state = state;
  }

  private readonly state: FakeState;

  /**
   * Sends receipts as WhatsApp does: after each accepted message, a signed `sent` and then a
   * `delivered` status webhook to `webhookUrl`, each echoing the send's
   * `biz_opaque_callback_data`, retried with backoff until answered with a 2xx (Meta retries for
   * days; the fake until it is stopped).
   */
  deliverStatusesTo(webhookUrl: string | null): void {
    this.state.statusHook = webhookUrl;
  }

  /** Resolves once every receipt owed so far has been acknowledged. */
  async statusesDelivered(): Promise<void> {
    while (this.state.owed.size) await Promise.all([...this.state.owed]);
  }

  override async stop(): Promise<void> {
    this.state.stopped = true;
    await super.stop();
  }

  /** Replaces an account's templates (e.g. many, to page through). */
  setTemplates(accountId: string, templates: FakeTemplate[]): void {
    this.state.templates.set(accountId, templates);
  }

  /** Changes one template's status as Meta's review would (the webhook is built by `templateStatusUpdate`). */
  setTemplateStatus(name: string, language: string, status: string, reason?: string): void {
    for (const list of this.state.templates.values()) {
      for (const t of list) {
        if (t.name === name && t.language === language) {
          t.status = status;
          if (reason) t.rejected_reason = reason;
        }
      }
    }
  }

  /** The `template` objects of every template message sent, in order. */
  sentTemplates(): Record<string, unknown>[] {
    return this.requests
      .filter((r) => r.method === "POST" && r.path.endsWith("/messages"))
      .map((r) => r.json() as Record<string, unknown>)
      .filter((b) => b.type === "template")
      .map((b) => b.template as Record<string, unknown>);
  }

  /** Send/upload calls to `/messages` and `/media` answer with a platform error; the rest stays normal. */
  failSendsWith(kind: WhatsappErrorKind): void {
    this.failWhere((req) => req.method === "POST", errorReply(kind));
  }
}

export function createFakeWhatsapp(credentials: WhatsappCredentials = FAKE_WHATSAPP_CREDENTIALS): FakeWhatsapp {
  return new FakeWhatsapp(credentials);
}

const fbtrace = () => randomBytes(8).toString("base64url");

async function defaultReply(req: RecordedRequest, state: FakeState): Promise<FakeReply> {
  const path = req.path.replace(/^\/v\d+(\.\d+)?(?=\/)/, "");
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (req.headers.authorization !== `Bearer ${state.credentials.accessToken}`) return errorReply("token_expired");
  const pnid = state.credentials.phoneNumberId;

  if (req.method === "POST" && segments.length === 2 && segments[0] === pnid && segments[1] === "messages") {
    let body: Record<string, unknown>;
    try {
      body = req.json() as Record<string, unknown>;
    } catch {
      return errorReply("rejected");
    }
    if (body.messaging_product !== "whatsapp") return errorReply("rejected");
    if (body.status === "read") return { body: { success: true } };
    if (body.type === "template") {
      const refused = checkTemplate(state, body.template);
      if (refused) return refused;
    }
    const to = String(body.to ?? body.recipient ?? "");
    state.sent += 1;
    const id = `wamid.FAKE${String(state.sent).padStart(6, "0")}${randomBytes(6).toString("hex").toUpperCase()}`;
    if (state.statusHook) oweReceipts(state, state.statusHook, { id, to, opaque: typeof body.biz_opaque_callback_data === "string" ? body.biz_opaque_callback_data : undefined });
    return {
      body: {
        messaging_product: "whatsapp",
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id }],
      },
    };
  }

  if (req.method === "POST" && segments.length === 2 && segments[0] === pnid && segments[1] === "media") {
    const form = await new Response(req.body as Uint8Array<ArrayBuffer>, { headers: { "content-type": String(req.headers["content-type"] ?? "") } }).formData();
    const file = form.get("file");
    if (form.get("messaging_product") !== "whatsapp" || !(file instanceof Blob)) return errorReply("rejected");
    const id = String(1_000_000_000_000_000n + BigInt(state.media.size));
    state.media.set(id, { bytes: new Uint8Array(await file.arrayBuffer()), mimeType: String(form.get("type") ?? file.type) });
    return { body: { id } };
  }

  if (req.method === "GET" && segments.length === 2 && segments[1] === "message_templates") {
    const list = state.templates.get(segments[0]!);
    if (!list) return graphError(400, 100, `Unsupported get request. Object with ID '${segments[0]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, undefined, { type: "GraphMethodException", error_subcode: 33 });
    const limit = Math.min(Math.max(Number(req.query.get("limit")) || 25, 1), 1000);
    const start = Number(Buffer.from(req.query.get("after") ?? "", "base64url").toString() || 0);
    const fields = (req.query.get("fields") ?? "name,language,status,category,id").split(",");
    const page = list.slice(start, start + limit).map((t) => {
      const out: Record<string, unknown> = { id: t.id };
      for (const f of fields) if (f in t) out[f] = t[f as keyof FakeTemplate];
      return out;
    });
    const cursor = (i: number) => Buffer.from(String(i)).toString("base64url");
    const more = start + limit < list.length;
    const self = `http://${req.headers.host}${req.path}`;
    return {
      body: {
        data: page,
        paging: {
          cursors: { before: cursor(start), after: cursor(start + page.length) },
          ...(more ? { next: `${self}?fields=${fields.join(",")}&limit=${limit}&after=${cursor(start + page.length)}` } : {}),
        },
      },
    };
  }

  if (req.method === "GET" && segments.length === 1 && segments[0] === pnid) {
    return { body: { verified_name: "Acme Support", display_phone_number: "+1 555-000-1111", quality_rating: "GREEN", id: pnid } };
  }

  if (req.method === "GET" && segments.length === 1 && state.media.has(segments[0]!)) {
    const id = segments[0]!;
    const media = state.media.get(id)!;
    return {
      body: {
        messaging_product: "whatsapp",
        url: `http://${req.headers.host}/whatsapp_business/attachments/?mid=${id}&ext=${Date.now()}`,
        mime_type: media.mimeType,
        sha256: createHash("sha256").update(media.bytes).digest("hex"),
        file_size: media.bytes.byteLength,
        id,
      },
    };
  }

  if (req.method === "GET" && path === "/whatsapp_business/attachments/") {
    const media = state.media.get(req.query.get("mid") ?? "");
    if (!media) return { status: 404, body: "" };
    return { headers: { "content-type": media.mimeType }, body: media.bytes };
  }

  return {
    status: 400,
    body: {
      error: {
        message: `Unsupported ${req.method.toLowerCase()} request. Object with ID '${segments[0] ?? ""}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        type: "GraphMethodException",
        code: 100,
        error_subcode: 33,
        fbtrace_id: fbtrace(),
      },
    },
  };
}

/**
 * What WhatsApp answers a template send it refuses: unknown name or language (132001), not
 * approved (132001 too; paused 132015), or a count of parameters that does not match (132000).
 */
function checkTemplate(state: FakeState, raw: unknown): FakeReply | null {
  const t = (raw ?? {}) as { name?: unknown; language?: { code?: unknown }; components?: { type?: unknown; parameters?: unknown[] }[] };
  const all = [...state.templates.values()].flat();
  const found = all.find((x) => x.name === t.name && x.language === t.language?.code);
  if (!found || (found.status !== "APPROVED" && found.status !== "PAUSED")) {
    return graphError(404, 132001, "(#132001) Template name does not exist in the translation", `template name (${String(t.name)}) does not exist in ${String(t.language?.code)}`);
  }
  if (found.status === "PAUSED") return graphError(400, 132015, "(#132015) Template is paused", "Template is paused due to low quality.");
  const expected = (type: string) => {
    const c = found.components.find((x) => x.type === type.toUpperCase());
    const text = typeof c?.text === "string" && (type !== "header" || c.format === "TEXT") ? c.text : "";
    return new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1])).size;
  };
  // A media header takes one parameter of its own type, by link or by uploaded media id.
  const format = String(found.components.find((x) => x.type === "HEADER")?.format ?? "");
  const mediaType = ({ IMAGE: "image", VIDEO: "video", DOCUMENT: "document" } as Record<string, string>)[format];
  if (mediaType) {
    const params = ((t.components ?? []).find((c) => String(c.type).toLowerCase() === "header")?.parameters ?? []) as Record<string, unknown>[];
    const media = params[0]?.[mediaType] as { link?: unknown; id?: unknown } | undefined;
    const ok = params.length === 1 && params[0]!.type === mediaType && media && (typeof media.link === "string" || (typeof media.id === "string" && state.media.has(media.id)));
    if (!ok) return graphError(400, 132012, "(#132012) Parameter format does not match format in the created template", `header: Format mismatch, expected ${format}, received ${JSON.stringify(params[0]?.type ?? null)}`);
  }
  for (const type of mediaType ? ["body"] : ["header", "body"]) {
    const given = (t.components ?? []).find((c) => String(c.type).toLowerCase() === type)?.parameters?.length ?? 0;
    if (given !== expected(type)) {
      return graphError(400, 132000, "(#132000) Number of parameters does not match the expected number of params", `${type}: number of localizable_params (${given}) does not match the expected number of params (${expected(type)})`);
    }
  }
  return null;
}

/** Queues `sent` then `delivered` for one accepted message, after the send's answer has gone. */
function oweReceipts(state: FakeState, url: string, sent: { id: string; to: string; opaque?: string }): void {
  const deliver = async () => {
    await new Promise((r) => setTimeout(r, 0));
    for (const status of ["sent", "delivered"] as const) {
      const webhook = buildWebhook(
        statusUpdate({ messageId: sent.id, status, recipientId: sent.to, bizOpaqueCallbackData: sent.opaque, phoneNumberId: state.credentials.phoneNumberId }),
        state.credentials,
      );
      for (let wait = 50; !state.stopped; wait = Math.min(wait * 2, 1000)) {
        const ok = await fetch(url, { method: "POST", headers: webhook.headers, body: webhook.body }).then(
          (res) => res.ok,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  const owed = deliver().finally(() => state.owed.delete(owed));
  state.owed.add(owed);
}

// ---------------------------------------------------------------------------------------------
// Documented error responses

export type WhatsappErrorKind = "blocked" | "token_expired" | "rate_limited" | "pair_rate_limited" | "window_closed" | "rejected" | "retry";

function graphError(status: number, code: number, message: string, details?: string, extra: Record<string, unknown> = {}): FakeReply {
  return {
    status,
    body: {
      error: {
        message,
        type: "OAuthException",
        code,
        ...(details ? { error_data: { messaging_product: "whatsapp", details } } : {}),
        ...extra,
        fbtrace_id: fbtrace(),
      },
    },
  };
}

/** The Graph error envelope WhatsApp answers with for each failure state. */
export function errorReply(kind: WhatsappErrorKind): FakeReply {
  switch (kind) {
    case "blocked":
      return graphError(400, 131026, "(#131026) Message undeliverable", "Message Undeliverable.");
    case "token_expired":
      return graphError(401, 190, "Error validating access token: Session has expired on Tuesday, 11-Feb-25 16:00:00 PST.", undefined, { error_subcode: 463 });
    case "rate_limited":
      return graphError(400, 130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");
    case "pair_rate_limited":
      return graphError(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit", "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.");
    case "window_closed":
      return graphError(400, 131047, "(#131047) Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
    case "rejected":
      return graphError(400, 100, "(#100) Invalid parameter", "Parameter value is not valid.");
    case "retry":
      return graphError(500, 131000, "(#131000) Something went wrong", "Something went wrong.", { is_transient: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/** Meta serialises with non-ASCII escaped as \uXXXX (lowercase hex) and signs those bytes. */
export function metaJson(payload: unknown): string {
  return JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The POST Meta would send: body as on the wire and `X-Hub-Signature-256` over it. */
export function buildWebhook(payload: object | string, credentials: Pick<WhatsappCredentials, "appSecret">): { headers: Record<string, string>; body: string } {
  const body = typeof payload === "string" ? payload : metaJson(payload);
  const signature = createHmac("sha256", credentials.appSecret).update(body, "utf8").digest("hex");
  return { headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${signature}` }, body };
}

/** A built webhook as the connector receives it (`WebhookRequest`). */
export function toWebhookRequest(webhook: { headers: Record<string, string>; body: string }, url = "https://inbox.example/webhooks/whatsapp/inbox_1"): WebhookRequest {
  return { method: "POST", url: new URL(url), headers: new Headers(webhook.headers), body: new TextEncoder().encode(webhook.body) };
}

/** Meta's GET subscription check. */
export function handshakeRequest(params: { mode?: string; verifyToken?: string; challenge?: string }, url = "https://inbox.example/webhooks/whatsapp/inbox_1"): WebhookRequest {
  const u = new URL(url);
  if (params.mode !== undefined) u.searchParams.set("hub.mode", params.mode);
  if (params.verifyToken !== undefined) u.searchParams.set("hub.verify_token", params.verifyToken);
  if (params.challenge !== undefined) u.searchParams.set("hub.challenge", params.challenge);
  return { method: "GET", url: u, headers: new Headers(), body: new Uint8Array() };
}

export interface InboundOptions {
  from?: string;
  name?: string;
  /** The message's wamid. */
  id?: string;
  /** Unix seconds. */
  timestamp?: number;
  phoneNumberId?: string;
  /** wamid of the message this one replies to / was tapped on. */
  contextId?: string;
}

const wamid = () => `wamid.HBgLNDkxNTExMjM0NTY3OBUCABIYFDNB${randomBytes(10).toString("hex").toUpperCase()}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The `entry[].changes[].value` envelope around messages or statuses. */
export function envelope(value: Record<string, unknown>, phoneNumberId = FAKE_WHATSAPP_CREDENTIALS.phoneNumberId): Record<string, unknown> {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: { messaging_product: "whatsapp", metadata: { display_phone_number: FAKE_DISPLAY_PHONE_NUMBER, phone_number_id: phoneNumberId }, ...value },
          },
        ],
      },
    ],
  };
}

/** One inbound message of `type` with its type-named object, in the documented envelope. */
export function inboundMessage(type: string, body: Record<string, unknown>, o: InboundOptions = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const from = o.from ?? FAKE_CUSTOMER.waId;
  return envelope(
    {
      contacts: [{ profile: { name: o.name ?? FAKE_CUSTOMER.name }, wa_id: from }],
      messages: [
        {
          ...(o.contextId ? { context: { from: FAKE_DISPLAY_PHONE_NUMBER, id: o.contextId } } : {}),
          from,
          id: o.id ?? wamid(),
          timestamp: String(o.timestamp ?? nowSeconds()),
          type,
          [type]: body,
          ...extra,
        },
      ],
    },
    o.phoneNumberId,
  );
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const textMessage = (o: InboundOptions & { text: string }) => inboundMessage("text", { body: o.text }, o);

export const imageMessage = (o: InboundOptions & { mediaId?: string; mimeType?: string; caption?: string }) =>
  inboundMessage("image", { id: o.mediaId ?? FAKE_MEDIA.image.id, mime_type: o.mimeType ?? "image/jpeg", sha256: sha(FAKE_MEDIA.image.bytes), ...(o.caption ? { caption: o.caption } : {}) }, o);

export const stickerMessage = (o: InboundOptions & { mediaId?: string; animated?: boolean }) =>
  inboundMessage("sticker", { id: o.mediaId ?? "5532148790131237", mime_type: "image/webp", sha256: "c0ffee", animated: o.animated ?? false }, o);

/** `voice: true` marks a recorded voice note (push-to-talk) rather than an audio file. */
export const audioMessage = (o: InboundOptions & { mediaId?: string; mimeType?: string; voice?: boolean }) =>
  inboundMessage("audio", { id: o.mediaId ?? FAKE_MEDIA.voice.id, mime_type: o.mimeType ?? "audio/ogg; codecs=opus", sha256: sha(FAKE_MEDIA.voice.bytes), voice: o.voice ?? true }, o);

export const videoMessage = (o: InboundOptions & { mediaId?: string; caption?: string }) =>
  inboundMessage("video", { id: o.mediaId ?? "1166846181421424", mime_type: "video/mp4", sha256: "d00d", ...(o.caption ? { caption: o.caption } : {}) }, o);

export const documentMessage = (o: InboundOptions & { mediaId?: string; filename?: string; mimeType?: string; caption?: string }) =>
  inboundMessage(
    "document",
    {
      id: o.mediaId ?? FAKE_MEDIA.document.id,
      mime_type: o.mimeType ?? "application/pdf",
      sha256: sha(FAKE_MEDIA.document.bytes),
      filename: o.filename ?? "invoice.pdf",
      ...(o.caption ? { caption: o.caption } : {}),
    },
    o,
  );

export const locationMessage = (o: InboundOptions & { latitude: number; longitude: number; name?: string; address?: string }) =>
  inboundMessage("location", { latitude: o.latitude, longitude: o.longitude, ...(o.name ? { name: o.name } : {}), ...(o.address ? { address: o.address } : {}) }, o);

/** A shared contact card (`type: "contacts"`, the array sits beside the type). */
export function contactsMessage(o: InboundOptions & { contactName: string; phone: string; email?: string }): Record<string, unknown> {
  const card = {
    name: { formatted_name: o.contactName, first_name: o.contactName.split(" ")[0] },
    phones: [{ phone: o.phone, type: "CELL", wa_id: o.phone.replace(/[^0-9]/g, "") }],
    ...(o.email ? { emails: [{ email: o.email, type: "WORK" }] } : {}),
  };
  const payload = inboundMessage("contacts", {}, o);
  const message = ((payload.entry as { changes: { value: { messages: Record<string, unknown>[] } }[] }[])[0]!.changes[0]!.value.messages[0])!;
  message.contacts = [card];
  return payload;
}

/** Tap on a reply button of an interactive message we sent (`contextId` = our wamid). */
export const buttonReply = (o: InboundOptions & { contextId: string; buttonId: string; title: string }) =>
  inboundMessage("interactive", { type: "button_reply", button_reply: { id: o.buttonId, title: o.title } }, o);

export const listReply = (o: InboundOptions & { contextId: string; rowId: string; title: string; description?: string }) =>
  inboundMessage("interactive", { type: "list_reply", list_reply: { id: o.rowId, title: o.title, ...(o.description ? { description: o.description } : {}) } }, o);

/** Quick-reply button tapped on a template message (`type: "button"`). */
export const templateButtonReply = (o: InboundOptions & { contextId: string; payload: string; text: string }) => inboundMessage("button", { payload: o.payload, text: o.text }, o);

export const reactionMessage = (o: InboundOptions & { messageId: string; emoji?: string }) =>
  inboundMessage("reaction", { message_id: o.messageId, ...(o.emoji ? { emoji: o.emoji } : {}) }, o);

/** Coexistence numbers: the customer edited an earlier message (`original_message_id`). */
export const editMessage = (o: InboundOptions & { originalId: string; text: string }) =>
  inboundMessage("edit", { original_message_id: o.originalId, message: { type: "text", text: { body: o.text } } }, o);

/** Coexistence numbers: the customer deleted an earlier message. */
export const revokeMessage = (o: InboundOptions & { originalId: string }) => inboundMessage("revoke", { original_message_id: o.originalId }, o);

/** A kind Cloud API does not support (polls, view-once, …): `type: "unsupported"` with error 131051. */
export const unsupportedMessage = (o: InboundOptions & { unsupportedType?: string }) =>
  inboundMessage("unsupported", { type: o.unsupportedType ?? "poll_creation" }, o, {
    errors: [{ code: 131051, title: "Message type unknown", message: "Message type unknown", error_data: { details: "Message type is currently not supported." } }],
  });

/** Meta's `message_template_status_update` webhook: a template was approved, rejected, paused or disabled. */
export function templateStatusUpdate(o: { name: string; language: string; event: string; reason?: string; templateId?: string; accountId?: string; category?: string }): Record<string, unknown> {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: o.accountId ?? FAKE_WABA_ID,
        time: nowSeconds(),
        changes: [
          {
            field: "message_template_status_update",
            value: {
              event: o.event,
              message_template_id: Number(o.templateId ?? "1409287336489765"),
              message_template_name: o.name,
              message_template_language: o.language,
              reason: o.reason ?? "NONE",
              ...(o.category ? { message_template_category: o.category } : {}),
            },
          },
        ],
      },
    ],
  };
}

/** Receipt for one of our messages; `failed` carries the documented `errors[]`. */
export function statusUpdate(o: {
  messageId: string;
  status: "sent" | "delivered" | "read" | "failed";
  recipientId?: string;
  timestamp?: number;
  bizOpaqueCallbackData?: string;
  error?: { code: number; title: string; details?: string };
  phoneNumberId?: string;
}): Record<string, unknown> {
  return envelope(
    {
      statuses: [
        {
          id: o.messageId,
          status: o.status,
          timestamp: String(o.timestamp ?? nowSeconds()),
          recipient_id: o.recipientId ?? FAKE_CUSTOMER.waId,
          ...(o.bizOpaqueCallbackData ? { biz_opaque_callback_data: o.bizOpaqueCallbackData } : {}),
          ...(o.status !== "failed" ? { pricing: { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" } } : {}),
          ...(o.error
            ? {
                errors: [
                  {
                    code: o.error.code,
                    title: o.error.title,
                    message: o.error.title,
                    error_data: { details: o.error.details ?? o.error.title },
                    href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
                  },
                ],
              }
            : {}),
        },
      ],
    },
    o.phoneNumberId,
  );
}
