import type { ConnectorContext, Credentials } from "../src/connector.ts";

/**
 * Instagram webhooks carry media as a time-limited CDN link (`attachments[].payload.url`), not an
 * id, so the link itself is the media id. It is fetched without credentials (signed URL), and only
 * from Meta's CDN hosts (or the configured API base, i.e. a fake), so a webhook cannot make the
 * server fetch arbitrary addresses.
 * https://developers.facebook.com/docs/messenger-platform/instagram/features/webhook
 */
const META_CDN_HOSTS = ["fbsbx.com", "fbcdn.net", "cdninstagram.com", "instagram.com", "facebook.com"];

export async function downloadMedia(mediaId: string, _credentials: Credentials, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const url = allowedMediaUrl(mediaId, ctx.apiBaseUrl);
  const res = await ctx.fetch(url, { method: "GET", redirect: "follow" });
  if (!res.ok) {
    throw new Error(res.status === 403 || res.status === 404 || res.status === 410 ? `Instagram media link has expired (HTTP ${res.status}).` : `Instagram media download failed (HTTP ${res.status}).`);
  }
  const mimeType = (res.headers.get("content-type") ?? "application/octet-stream").split(";")[0]!.trim();
  return { bytes: new Uint8Array(await res.arrayBuffer()), mimeType };
}

export function allowedMediaUrl(mediaId: string, apiBaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(mediaId);
  } catch {
    throw new Error("Instagram media reference is not a link.");
  }
  const base = apiBaseUrl.replace(/\/+$/, "");
  if (base && (mediaId === base || mediaId.startsWith(`${base}/`) || mediaId.startsWith(`${base}?`))) return url;
  const host = url.hostname.toLowerCase();
  if (url.protocol === "https:" && META_CDN_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return url;
  throw new Error(`Refusing to download Instagram media from ${url.host}: not a Meta CDN host.`);
}
