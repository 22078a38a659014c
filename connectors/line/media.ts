import type { ConnectorContext, Credentials } from "../src/connector.ts";
import { LINE_API_BASE_URL, LINE_DATA_API_BASE_URL, LINE_STICKER_BASE_URL } from "./config.ts";
import { STICKER_MEDIA_PREFIX } from "./parse.ts";
import { apiBase } from "./send.ts";

/**
 * Content users send is fetched from api-data.line.me (Bearer), not api.line.me; a fake or the
 * simulator serves both hosts at its one base URL. Stickers come from LINE's sticker CDN.
 * Content is deleted by LINE after a while, so the server downloads it on receipt.
 * https://developers.line.biz/en/reference/messaging-api/#get-content
 */
export async function downloadMedia(mediaId: string, credentials: Credentials, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string }> {
  if (mediaId.startsWith(STICKER_MEDIA_PREFIX)) {
    const stickerId = mediaId.slice(STICKER_MEDIA_PREFIX.length);
    const res = await ctx.fetch(`${hostFor(ctx, LINE_STICKER_BASE_URL)}/stickershop/v1/sticker/${encodeURIComponent(stickerId)}/android/sticker.png`);
    if (!res.ok) throw new Error(`LINE sticker ${stickerId} could not be downloaded (HTTP ${res.status}).`);
    return { bytes: new Uint8Array(await res.arrayBuffer()), mimeType: contentType(res, "image/png") };
  }
  const url = `${hostFor(ctx, LINE_DATA_API_BASE_URL)}/v2/bot/message/${encodeURIComponent(mediaId)}/content`;
  const headers = { authorization: `Bearer ${credentials.channelAccessToken ?? ""}` };
  for (let attempt = 0; ; attempt++) {
    const res = await ctx.fetch(url, { headers });
    // 202: a video or audio is still being transcoded; LINE serves it once ready.
    if (res.status === 202 && attempt < TRANSCODING_ATTEMPTS) {
      await res.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, TRANSCODING_WAIT_MS));
      continue;
    }
    if (res.status === 200) return { bytes: new Uint8Array(await res.arrayBuffer()), mimeType: contentType(res, "application/octet-stream") };
    const why = res.status === 401 ? "the channel access token was refused" : res.status === 404 ? "LINE no longer has it" : res.status === 202 ? "LINE is still preparing it" : `HTTP ${res.status}`;
    throw new Error(`LINE content ${mediaId} could not be downloaded (${why}).`);
  }
}

export const TRANSCODING_ATTEMPTS = 5;
export const TRANSCODING_WAIT_MS = 1000;

/** LINE's own API host → the given LINE host; any other base (fake, simulator) serves everything itself. */
function hostFor(ctx: ConnectorContext, lineHost: string): string {
  const base = apiBase(ctx);
  try {
    if (new URL(base).origin === new URL(LINE_API_BASE_URL).origin) return lineHost;
  } catch {
    // not a URL: use as given
  }
  return base;
}

function contentType(res: Response, fallback: string): string {
  return res.headers.get("content-type")?.split(";")[0]?.trim() || fallback;
}
