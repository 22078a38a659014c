import type { ContactProfile } from "./connector.ts";

/**
 * What every connector's `fetchProfile` does with a platform's answer before handing it out:
 * names trimmed and capped (contacts hold at most 200 characters), pictures kept only as https
 * URLs (the PWA loads them as <img src>, and its CSP allows https images only), and an answer
 * with neither is no answer.
 */

const NAME_MAX = 200;
const URL_MAX = 2000;

export function cleanProfile(name: string | null | undefined, avatarUrl: string | null | undefined): ContactProfile | null {
  const cleanName = cleanText(name);
  const cleanUrl = httpsUrl(avatarUrl);
  return cleanName === null && cleanUrl === null ? null : { name: cleanName, avatarUrl: cleanUrl };
}

function cleanText(value: string | null | undefined): string | null {
  // Control characters never belong in a display name (and would confuse logs).
  const text = (value ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const chars = Array.from(text);
  return chars.length <= NAME_MAX ? text : chars.slice(0, NAME_MAX).join("");
}

/** The URL if it is a well-formed https URL of reasonable length, else null. */
export function httpsUrl(value: string | null | undefined): string | null {
  if (!value || value.length > URL_MAX) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "" && url.username === "" && url.password === "" ? url.toString() : null;
  } catch {
    return null;
  }
}
