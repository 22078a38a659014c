/**
 * Media links for web chat visitors. Visitors have no session, so the server signs each
 * `/media/<key>` url it hands to a visitor's widget (HMAC over key and expiry): the link opens
 * that one file, until it expires, and nothing else. Agents keep using their session.
 */
import type { WidgetMessage } from "@inbox/shared";
import type { SecretBox } from "../security/secret-box.ts";
import { MEDIA_KEY_RE } from "./blob-store.ts";

/** How long a signed link works. The widget gets fresh links whenever it loads the history. */
export const MEDIA_LINK_TTL_MS = 24 * 60 * 60 * 1000;
/** Expiries are rounded up to the hour, so a file's link stays the same (and cached) for a while. */
const ROUND_MS = 60 * 60 * 1000;
const MEDIA_PATH_RE = /^\/media\/([^/?#]+)$/;

const signed = (key: string, exp: number) => `media:${key}:${exp}`;

/** `/media/<key>` → `/media/<key>?exp=<seconds>&sig=<mac>`; any other url is returned as it is. */
export async function signMediaUrl(secrets: SecretBox, url: string, now: number): Promise<string> {
  const key = MEDIA_PATH_RE.exec(url)?.[1];
  if (!key || !MEDIA_KEY_RE.test(key)) return url;
  const exp = Math.ceil((now + MEDIA_LINK_TTL_MS) / ROUND_MS) * (ROUND_MS / 1000);
  return `${url}?exp=${exp}&sig=${await secrets.mac(signed(key, exp))}`;
}

/** The link's signature is the server's for this key, and it has not expired. */
export async function checkMediaLink(secrets: SecretBox, key: string, exp: string | undefined, sig: string | undefined, now: number): Promise<boolean> {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
  if (Number(exp) * 1000 <= now) return false;
  return secrets.checkMac(signed(key, Number(exp)), sig);
}

/** A message as a visitor receives it: its attachment's url signed for them. */
export async function signWidgetMedia(secrets: SecretBox, message: WidgetMessage, now: number): Promise<WidgetMessage> {
  const content = message.content;
  if (!("url" in content)) return message;
  const url = await signMediaUrl(secrets, content.url, now);
  return url === content.url ? message : { ...message, content: { ...content, url } };
}

export function hasMediaUrl(message: WidgetMessage): boolean {
  return "url" in message.content && MEDIA_PATH_RE.test(message.content.url);
}
