/**
 * A fake Telegram Bot API for tests and the demo simulator: answers `/bot<token>/<method>` and
 * `/file/bot<token>/<path>` like api.telegram.org, and builds webhook updates shaped as in
 * https://core.telegram.org/bots/api#update. Node-only (tests and simulator).
 */
import type { Credentials } from "../src/connector.ts";
import { FakePlatform, type FakeHandler, type FakeReply, type RecordedRequest } from "../src/testing/fake-platform.ts";

export interface FakeTelegramOptions {
  /** When set, calls with any other token get Telegram's 401. */
  botToken?: string;
  /** Files served by getFile + /file/…; any other file_id is served as `photos/<file_id>.jpg` with `fakeFileBytes`. */
  files?: Record<string, { path: string; bytes: Uint8Array }>;
  /** The bot's webhook, shared with the test (setWebhook/deleteWebhook change it); default: none set. */
  webhook?: FakeWebhook;
}

export const FAKE_BOT = { id: 7000000001, is_bot: true, first_name: "Support", username: "acme_support_bot" } as const;

export function createFakeTelegram(options: FakeTelegramOptions = {}): FakePlatform {
  return new FakePlatform(telegramHandler(options));
}

/** Deterministic bytes for a file id (a JPEG start/end marker around the id), so tests can compare. */
export function fakeFileBytes(fileId: string): Uint8Array {
  return new Uint8Array([0xff, 0xd8, ...new TextEncoder().encode(fileId), 0xff, 0xd9]);
}

/** The default behaviour of the fake, exported so a test can restore it after `respondWith`. */
export function telegramHandler(options: FakeTelegramOptions = {}): FakeHandler {
  let nextMessageId = 1000;
  const webhook = options.webhook ?? fakeWebhook();
  const fileFor = (fileId: string) => options.files?.[fileId] ?? { path: `photos/${fileId}.jpg`, bytes: fakeFileBytes(fileId) };
  return async (req) => {
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.path);
    const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.path);
    const token = decodeURIComponent(file?.[1] ?? call?.[1] ?? "");
    if (options.botToken !== undefined && token !== options.botToken) return errorReply("token_expired");
    if (file) {
      const path = decodeURIComponent(file[2]!);
      const known = Object.values(options.files ?? {}).find((f) => f.path === path);
      const photo = /^photos\/(.+)\.jpg$/.exec(path);
      const bytes = known?.bytes ?? (photo ? fakeFileBytes(photo[1]!) : undefined);
      return bytes ? { status: 200, headers: { "content-type": "application/octet-stream" }, body: bytes } : notFound();
    }
    if (!call) return notFound();
    const method = call[2]!;
    const fields = await requestFields(req);
    switch (method) {
      case "getMe":
        return ok(FAKE_BOT);
      case "getFile": {
        const fileId = String(fields.file_id ?? "");
        if (!fileId) return badRequest("Bad Request: file_id not specified");
        const f = fileFor(fileId);
        return ok({ file_id: fileId, file_unique_id: `u-${fileId}`, file_size: f.bytes.length, file_path: f.path });
      }
      case "answerCallbackQuery":
        return ok(true);
      case "setWebhook":
        return setWebhook(webhook, fields);
      case "deleteWebhook":
        webhook.url = "";
        webhook.secretToken = undefined;
        webhook.allowedUpdates = undefined;
        return ok(true);
      case "getWebhookInfo":
        return ok({
          url: webhook.url,
          has_custom_certificate: false,
          pending_update_count: webhook.pendingUpdates,
          ...(webhook.allowedUpdates ? { allowed_updates: webhook.allowedUpdates } : {}),
          ...(webhook.lastError ? { last_error_date: webhook.lastError.date, last_error_message: webhook.lastError.message } : {}),
        });
      default:
        if (!SEND_METHODS.has(method)) return notFound();
        if (fields.chat_id === undefined || fields.chat_id === "") return badRequest("Bad Request: chat_id is empty");
        return ok(sentMessage(nextMessageId++, fields));
    }
  };
}

/**
 * The bot's webhook as Telegram keeps it: set by setWebhook, cleared by deleteWebhook, reported
 * by getWebhookInfo. A test may set `lastError`/`pendingUpdates` to see how they are shown.
 */
export interface FakeWebhook {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
  pendingUpdates: number;
  /** `last_error_date` (Unix seconds) and `last_error_message`. */
  lastError?: { date: number; message: string };
}

export function fakeWebhook(): FakeWebhook {
  return { url: "", pendingUpdates: 0 };
}

/** Telegram's checks: an https URL on an allowed port, and a secret token of 1–256 of `A-Z a-z 0-9 _ -`. */
function setWebhook(webhook: FakeWebhook, fields: Record<string, unknown>): FakeReply {
  const url = typeof fields.url === "string" ? fields.url : "";
  if (url === "") return badRequest("Bad Request: bad webhook: HTTPS url must be provided for webhook");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return badRequest("Bad Request: bad webhook: Failed to resolve host: Name or service not known");
  }
  if (parsed.protocol !== "https:") return badRequest("Bad Request: bad webhook: HTTPS url must be provided for webhook");
  if (!["", "443", "80", "88", "8443"].includes(parsed.port)) return badRequest("Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
  const secret = fields.secret_token;
  if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
    return badRequest("Bad Request: secret token contains unallowed characters");
  }
  const allowed = typeof fields.allowed_updates === "string" ? (JSON.parse(fields.allowed_updates) as unknown) : fields.allowed_updates;
  webhook.url = url;
  webhook.secretToken = typeof secret === "string" ? secret : undefined;
  webhook.allowedUpdates = Array.isArray(allowed) ? allowed.map(String) : undefined;
  webhook.lastError = undefined;
  return ok(true);
}

const SEND_METHODS = new Set([
  "sendMessage", "sendPhoto", "sendAudio", "sendDocument", "sendVideo", "sendAnimation", "sendVoice", "sendVideoNote",
  "sendLocation", "sendVenue", "sendContact", "sendSticker",
]);

function sentMessage(messageId: number, fields: Record<string, unknown>) {
  const chatId = Number(fields.chat_id);
  const message: Record<string, unknown> = {
    message_id: messageId,
    from: FAKE_BOT,
    chat: { id: Number.isFinite(chatId) ? chatId : String(fields.chat_id), type: "private" },
    date: Math.floor(Date.now() / 1000),
  };
  if (typeof fields.text === "string") message.text = fields.text.replace(/<[^>]+>/g, "");
  if (typeof fields.caption === "string") message.caption = fields.caption.replace(/<[^>]+>/g, "");
  for (const kind of ["photo", "audio", "document", "video", "animation", "voice"]) {
    if (fields[kind] !== undefined) message[kind] = kind === "photo" ? [{ file_id: `sent-${messageId}`, width: 800, height: 600 }] : { file_id: `sent-${messageId}` };
  }
  return message;
}

/** A recorded request's parameters, whether sent as JSON or multipart (files as filename/type/bytes). */
export async function requestFields(req: RecordedRequest): Promise<Record<string, unknown>> {
  const contentType = String(req.headers["content-type"] ?? "");
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(req.body as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData();
    const fields: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      fields[key] =
        typeof value === "string" ? value : { filename: value.name, mimeType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
    }
    return fields;
  }
  if (req.text.trim() === "") return Object.fromEntries(req.query.entries());
  try {
    return req.json() as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(req.text).entries());
  }
}

const ok = (result: unknown): FakeReply => ({ status: 200, body: { ok: true, result } });
const badRequest = (description: string): FakeReply => ({ status: 400, body: { ok: false, error_code: 400, description } });
const notFound = (): FakeReply => ({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });

export type TelegramErrorKind =
  | "blocked"
  | "token_expired"
  | "rate_limited"
  | "window_closed"
  | "deactivated"
  | "chat_not_found"
  | "too_long"
  | "bad_entities"
  | "migrated"
  | "server_error";

/**
 * Telegram's documented error envelopes (error_code mirrors the HTTP status). Telegram has no
 * messaging window: "window_closed" gives the nearest thing, a user who never pressed Start.
 */
export function errorReply(kind: TelegramErrorKind, options: { retryAfter?: number; migrateTo?: number } = {}): FakeReply {
  const fail = (status: number, description: string, parameters?: Record<string, number>): FakeReply => ({
    status,
    body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
  });
  switch (kind) {
    case "blocked":
      return fail(403, "Forbidden: bot was blocked by the user");
    case "token_expired":
      return fail(401, "Unauthorized");
    case "rate_limited": {
      const retryAfter = options.retryAfter ?? 17;
      return fail(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    case "window_closed":
      return fail(403, "Forbidden: bot can't initiate conversation with a user");
    case "deactivated":
      return fail(403, "Forbidden: user is deactivated");
    case "chat_not_found":
      return fail(400, "Bad Request: chat not found");
    case "too_long":
      return fail(400, "Bad Request: message is too long");
    case "bad_entities":
      return fail(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0");
    case "migrated":
      return fail(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: options.migrateTo ?? -1001234567890 });
    case "server_error":
      return fail(500, "Internal Server Error");
  }
}

/** A webhook POST as Telegram sends it: the JSON body and the secret token from setWebhook. */
export function buildWebhook(payload: object | string, credentials: Credentials): { headers: Record<string, string>; body: string } {
  return {
    headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": credentials.secretToken ?? "" },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  };
}

// ---- Update builders (shapes from the Bot API's Update / Message types) ----

let nextUpdateId = 812345001;

export interface MessageInput {
  /** The customer's user id (= chat id in a private chat). */
  from?: number;
  name?: string;
  /** message_id */
  id?: number;
  updateId?: number;
  /** Unix seconds */
  date?: number;
  /** A group chat instead of the private chat with `from`. */
  group?: { id: number; title: string };
  replyTo?: number;
}

function messageOf(input: MessageInput, content: Record<string, unknown>): Record<string, unknown> {
  const from = input.from ?? 123456789;
  const name = input.name ?? "Ana";
  return {
    message_id: input.id ?? 42,
    from: { id: from, is_bot: false, first_name: name, language_code: "de" },
    chat: input.group ? { id: input.group.id, type: "supergroup", title: input.group.title } : { id: from, type: "private", first_name: name },
    date: input.date ?? 1739321024,
    ...(input.replyTo !== undefined ? { reply_to_message: { message_id: input.replyTo, chat: { id: from, type: "private" }, date: 1739321000 } } : {}),
    ...content,
  };
}

export function update(field: string, payload: unknown, updateId?: number): Record<string, unknown> {
  return { update_id: updateId ?? nextUpdateId++, [field]: payload };
}

const message = (input: MessageInput, content: Record<string, unknown>) => update("message", messageOf(input, content), input.updateId);
const file = (fileId: string, extra: Record<string, unknown> = {}) => ({ file_id: fileId, file_unique_id: `u-${fileId}`, ...extra });
const caption = (text: string | undefined) => (text ? { caption: text } : {});

export const textMessage = (input: MessageInput & { text: string }) => message(input, { text: input.text });

export const photoMessage = (input: MessageInput & { fileId?: string; caption?: string }) =>
  message(input, {
    photo: [
      file(`${input.fileId ?? "AgACphoto"}-s`, { width: 90, height: 67, file_size: 1203 }),
      file(input.fileId ?? "AgACphoto", { width: 1280, height: 960, file_size: 98231 }),
    ],
    ...caption(input.caption),
  });

export const voiceMessage = (input: MessageInput & { fileId?: string; duration?: number }) =>
  message(input, { voice: file(input.fileId ?? "AwACvoice", { duration: input.duration ?? 4, mime_type: "audio/ogg", file_size: 8123 }) });

export const audioMessage = (input: MessageInput & { fileId?: string; mimeType?: string; caption?: string }) =>
  message(input, {
    audio: file(input.fileId ?? "CQACaudio", { duration: 182, mime_type: input.mimeType ?? "audio/mpeg", file_name: "song.mp3", title: "Song" }),
    ...caption(input.caption),
  });

export const videoMessage = (input: MessageInput & { fileId?: string; caption?: string }) =>
  message(input, { video: file(input.fileId ?? "BAACvideo", { width: 640, height: 360, duration: 9, mime_type: "video/mp4" }), ...caption(input.caption) });

export const videoNoteMessage = (input: MessageInput & { fileId?: string }) =>
  message(input, { video_note: file(input.fileId ?? "DQACnote", { length: 240, duration: 5 }) });

export const animationMessage = (input: MessageInput & { fileId?: string }) => {
  const gif = file(input.fileId ?? "CgACgif", { width: 320, height: 240, duration: 2, mime_type: "video/mp4", file_name: "fun.gif.mp4" });
  return message(input, { animation: gif, document: gif });
};

export const documentMessage = (input: MessageInput & { fileId?: string; fileName?: string; mimeType?: string; size?: number; caption?: string }) =>
  message(input, {
    document: file(input.fileId ?? "BQACdoc", {
      file_name: input.fileName ?? "invoice.pdf",
      mime_type: input.mimeType ?? "application/pdf",
      file_size: input.size ?? 48213,
    }),
    ...caption(input.caption),
  });

export const stickerMessage = (input: MessageInput & { fileId?: string; emoji?: string; animated?: boolean }) =>
  message(input, {
    sticker: file(input.fileId ?? "CAACsticker", {
      width: 512,
      height: 512,
      emoji: input.emoji ?? "👍",
      type: "regular",
      is_animated: input.animated ?? false,
      is_video: false,
      ...(input.animated ? { thumbnail: file(`${input.fileId ?? "CAACsticker"}-thumb`, { width: 128, height: 128 }) } : {}),
    }),
  });

export const locationMessage = (input: MessageInput & { latitude: number; longitude: number }) =>
  message(input, { location: { latitude: input.latitude, longitude: input.longitude } });

export const venueMessage = (input: MessageInput & { latitude: number; longitude: number; title: string; address: string }) => {
  const location = { latitude: input.latitude, longitude: input.longitude };
  return message(input, { location, venue: { location, title: input.title, address: input.address } });
};

export const contactMessage = (input: MessageInput & { phone: string; firstName: string; lastName?: string; userId?: number }) =>
  message(input, {
    contact: {
      phone_number: input.phone,
      first_name: input.firstName,
      ...(input.lastName ? { last_name: input.lastName } : {}),
      ...(input.userId !== undefined ? { user_id: input.userId } : {}),
    },
  });

export const pollMessage = (input: MessageInput & { question: string }) =>
  message(input, { poll: { id: "5000", question: input.question, options: [{ text: "Yes", voter_count: 0 }], is_closed: false } });

/** A customer edited an earlier message: the same message_id with `edit_date`. */
export const editedMessage = (input: MessageInput & { text: string; editDate?: number }) =>
  update("edited_message", messageOf(input, { text: input.text, edit_date: input.editDate ?? (input.date ?? 1739321024) + 60 }), input.updateId);

/** A reply-keyboard (quick reply) press arrives as an ordinary text message with the button's label. */
export const quickReplyAnswer = (input: MessageInput & { title: string }) => textMessage({ ...input, text: input.title });

/** An inline-keyboard press on our message `messageId` that carried `buttons`. */
export const callbackQuery = (input: {
  from?: number;
  name?: string;
  messageId: number;
  data: string;
  buttons?: { text: string; data: string }[];
  queryId?: string;
  updateId?: number;
}) => {
  const from = input.from ?? 123456789;
  const user = { id: from, is_bot: false, first_name: input.name ?? "Ana" };
  return update(
    "callback_query",
    {
      id: input.queryId ?? "4382bfdwdsb323b2d9",
      from: user,
      message: {
        message_id: input.messageId,
        from: FAKE_BOT,
        chat: { id: from, type: "private", first_name: user.first_name },
        date: 1739321035,
        text: "Pick one",
        ...(input.buttons ? { reply_markup: { inline_keyboard: input.buttons.map((b) => [{ text: b.text, callback_data: b.data }]) } } : {}),
      },
      chat_instance: "-8873000000000000",
      data: input.data,
    },
    input.updateId,
  );
};

/** The customer blocked ("kicked") or unblocked ("member") the bot in their private chat. */
export const myChatMember = (input: { from?: number; status: "kicked" | "member"; date?: number; updateId?: number }) => {
  const from = input.from ?? 123456789;
  const user = { id: from, is_bot: false, first_name: "Ana" };
  const old = input.status === "kicked" ? "member" : "kicked";
  return update(
    "my_chat_member",
    {
      chat: { id: from, type: "private", first_name: "Ana" },
      from: user,
      date: input.date ?? 1739321100,
      old_chat_member: { status: old, user: FAKE_BOT },
      new_chat_member: { status: input.status, user: FAKE_BOT, ...(input.status === "kicked" ? { until_date: 0 } : {}) },
    },
    input.updateId,
  );
};
