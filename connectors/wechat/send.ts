import type { MessageContent } from "@inbox/shared";
import type { ConnectorContext, Credentials, OutboundMessage, SendResult } from "../src/connector.ts";
import { formatForPlatform } from "../src/formatting.ts";
import { apiUrl, readJson, withAccessToken, type ApiOutcome } from "./api.ts";
import { capabilities, MAX_MENU_HEAD_BYTES, MAX_MENU_ID_BYTES, MAX_MENU_ITEM_BYTES, MAX_MENU_ITEMS, MAX_TEXT_BYTES } from "./config.ts";
import { mapFailure, type SendFailure } from "./errors.ts";

/**
 * Customer-service (客服) messages: POST /cgi-bin/message/custom/send?access_token=…
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html
 * Media must be uploaded first as temporary media: POST /cgi-bin/media/upload?type=…
 * https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html
 *
 * WeChat returns no message id and no receipts, so a success is "accepted, not delivered".
 */

type Body = Record<string, unknown>;
type MediaType = "image" | "voice" | "video";
/** One call to the send API; media steps upload first and build the body from the media_id. */
type Step = { body: Body } | { upload: MediaType; build: (mediaId: string) => Body };

const encoder = new TextEncoder();
const bytesOf = (s: string) => encoder.encode(s).length;

export async function send(message: OutboundMessage, credentials: Credentials, ctx: ConnectorContext): Promise<SendResult> {
  const plan = planSteps(message);
  if ("ok" in plan) return plan;
  const fail = (failure: Parameters<typeof mapFailure>[0]) => mapFailure(failure, { lastInboundAt: message.lastInboundAt, now: ctx.now() });

  let media: { bytes: Uint8Array; mimeType: string; filename: string } | undefined;
  for (const step of plan) {
    let body: Body;
    if ("upload" in step) {
      if (!media) {
        const loaded = await loadMedia(message, ctx);
        if ("ok" in loaded) return loaded;
        media = loaded;
      }
      const problem = checkMedia(step.upload, media);
      if (problem) return problem;
      const uploaded = await uploadMedia(step.upload, media, credentials, ctx);
      if (!uploaded.ok) return fail(uploaded.failure);
      body = step.build(uploaded.value);
    } else {
      body = step.body;
    }
    const sent = await withAccessToken(credentials, ctx, (token) =>
      readJson(() =>
        ctx.fetch(apiUrl(ctx, "/cgi-bin/message/custom/send", { access_token: token }), {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8" },
          // JSON.stringify keeps non-ASCII as raw UTF-8, which is what WeChat expects.
          body: JSON.stringify({ touser: message.recipient, ...body }),
        }),
      ),
    );
    if (!sent.ok) return fail(sent.failure);
  }
  return { ok: true, externalId: null, delivered: false };
}

function rejected(reason: string): SendFailure {
  return { ok: false, kind: "rejected", reason };
}

/** Turns canonical content into WeChat send calls, or refuses what WeChat cannot show. */
function planSteps(message: OutboundMessage): Step[] | SendFailure {
  const content: MessageContent = message.content;
  switch (content.kind) {
    case "text":
      return textSteps(content.text);
    case "image":
      return [{ upload: "image", build: (media_id) => ({ msgtype: "image", image: { media_id } }) }, ...(content.caption ? textSteps(content.caption) : [])];
    case "audio":
      return [{ upload: "voice", build: (media_id) => ({ msgtype: "voice", voice: { media_id } }) }];
    case "video":
      return [
        {
          upload: "video",
          build: (media_id) => ({ msgtype: "video", video: { media_id, ...(content.caption ? { title: truncateBytes(content.caption, 64) } : {}) } }),
        },
      ];
    case "file": {
      // The 客服 API has no file message; send a link the customer can open.
      if (!message.mediaUrl) return rejected("WeChat cannot send files directly, and this file has no public link to send instead.");
      return textSteps(`📎 ${content.filename}\n${message.mediaUrl}`, false);
    }
    case "location": {
      const lines = [content.name, content.address, `${content.latitude}, ${content.longitude}`].filter((l): l is string => !!l);
      return textSteps(`📍 ${lines.join("\n")}`, false);
    }
    case "buttons":
      return menuSteps(content.text, content.buttons);
    case "quick_replies":
      return menuSteps(content.text, content.replies);
    case "unsupported":
      return rejected("This kind of message cannot be sent to WeChat.");
  }
}

function textSteps(text: string, format = true): Step[] {
  const rendered = format ? formatForPlatform(text, capabilities.formatting) : text;
  return splitBytes(rendered, MAX_TEXT_BYTES).map((content) => ({ body: { msgtype: "text", text: { content } } }));
}

/**
 * A 客服 menu message (msgmenu): tapping an item sends its text back as a message. At most 10
 * items of ≤ 128 bytes and a head of ≤ 1024 bytes; otherwise a numbered list the customer can
 * answer by number. (Menus are not shown on WeChat test accounts.)
 */
function menuSteps(text: string, choices: readonly { id: string; title: string }[]): Step[] {
  const head = formatForPlatform(text, capabilities.formatting);
  if (choices.length > MAX_MENU_ITEMS || bytesOf(head) > MAX_MENU_HEAD_BYTES) {
    const list = choices.map((c, i) => `${i + 1}. ${c.title}`).join("\n");
    return textSteps(`${head}\n\n${list}`, false);
  }
  const list = choices.map((c, i) => ({
    id: bytesOf(c.id) <= MAX_MENU_ID_BYTES ? c.id : String(i + 1),
    content: truncateBytes(c.title, MAX_MENU_ITEM_BYTES),
  }));
  return [{ body: { msgtype: "msgmenu", msgmenu: { head_content: head, list } } }];
}

/** Splits at line or word breaks so every part fits in `limit` UTF-8 bytes. */
export function splitBytes(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (bytesOf(rest) > limit) {
    const head = truncateBytes(rest, limit, "");
    const breakAt = Math.max(head.lastIndexOf("\n"), head.lastIndexOf(" "));
    const cut = breakAt > head.length / 2 ? breakAt : head.length;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest || parts.length === 0) parts.push(rest);
  return parts;
}

/** The longest prefix (whole code points) within `limit` bytes, with an ellipsis when cut. */
function truncateBytes(text: string, limit: number, ellipsis = "…"): string {
  if (bytesOf(text) <= limit) return text;
  const room = limit - bytesOf(ellipsis);
  let out = "";
  let used = 0;
  for (const ch of text) {
    const size = bytesOf(ch);
    if (used + size > room) break;
    out += ch;
    used += size;
  }
  return out + ellipsis;
}

const MIME_ALIASES: Record<string, string> = { "audio/mp3": "audio/mpeg", "audio/x-amr": "audio/amr", "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg" };
const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "audio/amr": "amr",
  "audio/mpeg": "mp3",
  "video/mp4": "mp4",
};
const KIND_OF: Record<MediaType, "image" | "audio" | "video"> = { image: "image", voice: "audio", video: "video" };
const NAMES: Record<MediaType, string> = { image: "image", voice: "voice message", video: "video" };

function normalMime(mimeType: string): string {
  const base = mimeType.split(";")[0]!.trim().toLowerCase();
  return MIME_ALIASES[base] ?? base;
}

/** The bytes to upload: provided by the server, or fetched from the public link. */
async function loadMedia(message: OutboundMessage, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string; filename: string } | SendFailure> {
  const content = message.content as { mimeType?: string; filename?: string };
  if (message.media) return { ...message.media, mimeType: normalMime(message.media.mimeType || content.mimeType || "") };
  if (!message.mediaUrl) return rejected("The media for this message is not available to upload to WeChat.");
  try {
    const response = await ctx.fetch(message.mediaUrl);
    if (!response.ok) {
      return response.status >= 500
        ? { ok: false, kind: "retry", reason: "The media could not be loaded for WeChat; the message will be retried." }
        : rejected("The media for this message could not be loaded to upload to WeChat.");
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const mimeType = normalMime(content.mimeType || response.headers.get("content-type") || "");
    const filename = content.filename || new URL(message.mediaUrl).pathname.split("/").pop() || "media";
    return { bytes, mimeType, filename };
  } catch {
    return { ok: false, kind: "retry", reason: "The media could not be loaded for WeChat; the message will be retried." };
  }
}

/** WeChat refuses media outside its limits; say so before uploading. */
function checkMedia(type: MediaType, media: { bytes: Uint8Array; mimeType: string }): SendFailure | undefined {
  const limits = capabilities.media[KIND_OF[type]]!;
  if (!limits.mimeTypes.includes(media.mimeType)) {
    const accepted = limits.mimeTypes.map((m) => EXTENSIONS[m]?.toUpperCase() ?? m).join(", ");
    return rejected(`WeChat only accepts ${accepted} for a ${NAMES[type]}; this one is ${media.mimeType || "of an unknown type"}.`);
  }
  if (media.bytes.length > limits.maxBytes) {
    return rejected(`The ${NAMES[type]} is larger than WeChat's ${Math.round(limits.maxBytes / 1024 / 1024)} MB limit.`);
  }
  if (media.bytes.length === 0) return rejected(`The ${NAMES[type]} is empty.`);
  return undefined;
}

/** Uploads temporary media (kept 3 days) as multipart field `media`; WeChat reads the type from the file name. */
async function uploadMedia(
  type: MediaType,
  media: { bytes: Uint8Array; mimeType: string; filename: string },
  credentials: Credentials,
  ctx: ConnectorContext,
): Promise<ApiOutcome<string>> {
  const ext = EXTENSIONS[media.mimeType] ?? "bin";
  const base = media.filename.replace(/[\\/"\r\n]/g, "_") || "media";
  const filename = base.toLowerCase().endsWith(`.${ext}`) ? base : `${base.replace(/\.[^.]*$/, "")}.${ext}`;
  const outcome = await withAccessToken(credentials, ctx, (token) => {
    const form = new FormData();
    form.append("media", new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), filename);
    return readJson(() => ctx.fetch(apiUrl(ctx, "/cgi-bin/media/upload", { access_token: token, type }), { method: "POST", body: form }));
  });
  if (!outcome.ok) return outcome;
  const mediaId = outcome.value.media_id;
  if (typeof mediaId !== "string" || !mediaId) {
    return { ok: false, failure: { type: "errcode", errcode: -1, errmsg: "no media_id in the upload response" } };
  }
  return { ok: true, value: mediaId };
}
