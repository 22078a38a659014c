import type { ConnectorContext, Credentials } from "../src/connector.ts";

/**
 * The slice of the Bot API's types this connector reads (https://core.telegram.org/bots/api#available-types).
 * Everything is optional beyond what Telegram always sends, so an unexpected shape degrades to an
 * "unsupported" message instead of a crash.
 */
export interface TgUser {
  id: number;
  is_bot?: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface TgChat {
  id: number;
  type?: "private" | "group" | "supergroup" | "channel";
  title?: string;
  first_name?: string;
  last_name?: string;
  username?: string;
}

export interface TgFile {
  file_id: string;
  file_unique_id?: string;
  file_size?: number;
  mime_type?: string;
  file_name?: string;
  duration?: number;
}

export interface TgInlineButton {
  text: string;
  callback_data?: string;
}

export interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: TgChat;
  date: number;
  edit_date?: number;
  reply_to_message?: { message_id: number };
  text?: string;
  caption?: string;
  photo?: (TgFile & { width?: number; height?: number })[];
  sticker?: TgFile & { emoji?: string; is_animated?: boolean; is_video?: boolean; thumbnail?: TgFile };
  voice?: TgFile;
  audio?: TgFile & { title?: string; performer?: string };
  video?: TgFile;
  video_note?: TgFile;
  animation?: TgFile;
  document?: TgFile;
  location?: { latitude: number; longitude: number };
  venue?: { location: { latitude: number; longitude: number }; title?: string; address?: string };
  contact?: { phone_number: string; first_name?: string; last_name?: string; user_id?: number; vcard?: string };
  poll?: { question?: string };
  reply_markup?: { inline_keyboard?: TgInlineButton[][] };
  [other: string]: unknown;
}

export interface TgChatMember {
  status: "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";
  user?: TgUser;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  channel_post?: TgMessage;
  edited_channel_post?: TgMessage;
  callback_query?: {
    id: string;
    from: TgUser;
    /** Absent for inline-mode messages; `date: 0` (InaccessibleMessage) when too old. */
    message?: TgMessage;
    data?: string;
    game_short_name?: string;
  };
  my_chat_member?: { chat: TgChat; from: TgUser; date: number; old_chat_member: TgChatMember; new_chat_member: TgChatMember };
  [other: string]: unknown;
}

/** `ResponseParameters`: https://core.telegram.org/bots/api#responseparameters */
export interface TgFailure {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export type TgReply<T> = { ok: true; result: T } | TgFailure;

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  /** The parsed envelope; null when the body was not Bot API JSON (a proxy's error page, say). */
  reply: TgReply<T> | null;
}

function base(ctx: ConnectorContext): string {
  return ctx.apiBaseUrl.replace(/\/+$/, "");
}

/** `/bot<token>/<method>`: the token in the path is the only authentication. */
export function methodUrl(method: string, credentials: Credentials, ctx: ConnectorContext): string {
  return `${base(ctx)}/bot${credentials.botToken ?? ""}/${method}`;
}

/** `/file/bot<token>/<file_path>`: never hand this URL to a browser, it contains the token. */
export function fileUrl(filePath: string, credentials: Credentials, ctx: ConnectorContext): string {
  return `${base(ctx)}/file/bot${credentials.botToken ?? ""}/${filePath.split("/").map(encodeURIComponent).join("/")}`;
}

/** Calls one Bot API method with a JSON body or a multipart upload. Network failures throw. */
export async function callApi<T>(
  method: string,
  body: Record<string, unknown> | FormData,
  credentials: Credentials,
  ctx: ConnectorContext,
): Promise<ApiAnswer<T>> {
  const isForm = body instanceof FormData;
  const res = await ctx.fetch(methodUrl(method, credentials, ctx), {
    method: "POST",
    headers: isForm ? {} : { "content-type": "application/json" },
    body: isForm ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(isForm ? 120_000 : 30_000),
  });
  const text = await res.text();
  let reply: TgReply<T> | null = null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "object" && parsed !== null && typeof (parsed as { ok?: unknown }).ok === "boolean") reply = parsed as TgReply<T>;
  } catch {
    reply = null;
  }
  return { status: res.status, headers: res.headers, reply };
}

/** Removes the bot token from anything we show (error messages may echo a URL). */
export function redact(text: string, credentials: Credentials): string {
  const token = credentials.botToken;
  return token ? text.split(token).join("<bot-token>") : text;
}
