import type { ConnectorContext, Credentials } from "../src/connector.ts";

/**
 * Messenger hands inbound media over as a time-limited CDN URL (`attachments[].payload.url`), no
 * auth header needed, so the "media id" after `platform-media:` is that URL. Only Meta's CDN hosts
 * (or the configured API origin, i.e. a fake in tests/the simulator) are fetched, so a stored
 * reference can never make the server request an arbitrary address.
 * https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages
 */
const META_MEDIA_HOSTS = ["fbcdn.net", "fbsbx.com", "facebook.com", "fbcdn.com"];

export async function downloadMedia(mediaId: string, _credentials: Credentials, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string }> {
  let url: URL;
  try {
    url = new URL(mediaId);
  } catch {
    throw new Error("Messenger media reference is not a URL.");
  }
  if (!isAllowed(url, ctx.apiBaseUrl)) throw new Error(`Messenger media host ${url.hostname} is not a Meta CDN host.`);
  const res = await ctx.fetch(url.toString(), { redirect: "follow" });
  if (!res.ok) {
    // Meta CDN links expire; a 403/404 here usually means the webhook was processed too late.
    throw new Error(`Messenger media download failed with HTTP ${res.status}.`);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const mimeType = res.headers.get("content-type")?.split(";")[0]?.trim() || "application/octet-stream";
  return { bytes, mimeType };
}

function isAllowed(url: URL, apiBaseUrl: string): boolean {
  try {
    if (url.origin === new URL(apiBaseUrl).origin) return true;
  } catch {
    // No usable base URL: only the Meta CDN rule applies.
  }
  if (url.protocol !== "https:") return false;
  const host = url.hostname.toLowerCase();
  return META_MEDIA_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
