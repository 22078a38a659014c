import type { ConnectorContext, Credentials } from "../src/connector.ts";
import { sha256Hex } from "../src/crypto.ts";
import { graphFetch, parseCredentials } from "./send.ts";

/**
 * Inbound media arrives as an id. Step 1: `GET /{MEDIA_ID}` (Bearer) → a short-lived URL (about
 * 5 minutes); step 2: `GET <url>` with the same Bearer header. The bytes are checked against the
 * `sha256` Meta reports. https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media
 */
export async function downloadMedia(mediaId: string, credentials: Credentials, ctx: ConnectorContext): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const creds = parseCredentials(credentials);
  if (!creds) throw new Error("WhatsApp credentials are missing.");
  const query = `?phone_number_id=${encodeURIComponent(creds.phoneNumberId)}`;
  const info = await graphFetch(ctx, creds.accessToken, `/${encodeURIComponent(mediaId)}${query}`, { method: "GET" });
  if (!info) throw new Error("WhatsApp could not be reached to fetch the media.");
  const meta = (info.json ?? {}) as { url?: unknown; mime_type?: unknown; sha256?: unknown; error?: { message?: string; code?: number } };
  if (info.status >= 300 || typeof meta.url !== "string") {
    throw new Error(`WhatsApp media ${mediaId} is not available: ${meta.error?.message ?? `HTTP ${info.status}`}${meta.error?.code ? ` (code ${meta.error.code})` : ""}.`);
  }

  let res: Response;
  try {
    res = await ctx.fetch(meta.url, { headers: { authorization: `Bearer ${creds.accessToken}` } });
  } catch {
    throw new Error("WhatsApp media could not be downloaded (network error).");
  }
  if (!res.ok) throw new Error(`WhatsApp media ${mediaId} could not be downloaded: HTTP ${res.status}.`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (typeof meta.sha256 === "string" && /^[0-9a-f]{64}$/i.test(meta.sha256) && (await sha256Hex(bytes)) !== meta.sha256.toLowerCase()) {
    throw new Error(`WhatsApp media ${mediaId} arrived damaged (checksum mismatch).`);
  }
  const mimeType = typeof meta.mime_type === "string" ? meta.mime_type : (res.headers.get("content-type") ?? "application/octet-stream");
  return { bytes, mimeType };
}
