import { MEDIA_KEY_RE } from "../media/blob-store.ts";

/** The stored file a message's content points at (`/media/<key>`), if any. */
export function mediaKeyOf(content: unknown): string | null {
  const url = content && typeof content === "object" ? (content as { url?: unknown }).url : undefined;
  if (typeof url !== "string" || !url.startsWith("/media/")) return null;
  const key = url.slice("/media/".length);
  return MEDIA_KEY_RE.test(key) ? key : null;
}
