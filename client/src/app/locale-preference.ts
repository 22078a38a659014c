/**
 * The UI language follows the signed-in user: their choice is stored on the server (so every
 * device follows it) and comes back with the session's user, which the app already remembers
 * for an offline start. A choice made offline is applied at once, remembered on this device,
 * and sent when the server can be reached again (until then it wins over the server's copy).
 */
import type { User } from "@inbox/shared";
import { createEffect, on, type Accessor } from "solid-js";
import { request } from "../api/http.ts";
import { STORAGE_PREFIX } from "../local/wipe-plan.ts";
import { localStorageOrNull as storage, type KeyValueStorage } from "./me-cache.ts";
import { isUiLocale, setLocale, type UiLocale } from "../i18n/locale.ts";

/** A language chosen on this device and not yet confirmed by the server (wiped at sign-out). */
export const PENDING_LOCALE_KEY = `${STORAGE_PREFIX}together.locale-pending`;

function readPending(s: KeyValueStorage | null): UiLocale | null {
  try {
    const v = s?.getItem(PENDING_LOCALE_KEY);
    return isUiLocale(v) ? v : null;
  } catch {
    return null;
  }
}

function writePending(s: KeyValueStorage | null, value: UiLocale | null): void {
  try {
    if (value) s?.setItem(PENDING_LOCALE_KEY, value);
    else s?.removeItem(PENDING_LOCALE_KEY);
  } catch {
    // Storage refused (private mode): the choice still holds for this visit.
  }
}

/** Which language to show for this user: a choice still waiting to be sent wins. */
export function localeFor(user: Pick<User, "locale"> | null, pending: UiLocale | null): UiLocale | null {
  if (pending) return pending;
  return user && isUiLocale(user.locale) ? user.locale : null;
}

/**
 * Applies the user's language whenever who is signed in (or what the server says about them)
 * changes, and sends a choice made offline once the server answers again.
 */
export function followUserLocale(user: Accessor<User | null>, refresh: () => Promise<void>): void {
  createEffect(
    on(user, (u) => {
      const s = storage();
      const pending = readPending(s);
      const next = localeFor(u, pending);
      if (next) setLocale(next);
      if (u && pending && pending !== u.locale) void send(pending, refresh);
      else if (u && pending) writePending(s, null);
    }),
  );
}

/** The language picker's choice: shown at once, kept on this device, stored with the user. */
export async function chooseLocale(next: UiLocale, refresh: () => Promise<void>): Promise<void> {
  setLocale(next);
  writePending(storage(), next);
  await send(next, refresh);
}

let sending: Promise<void> | null = null;

async function send(locale: UiLocale, refresh: () => Promise<void>): Promise<void> {
  const previous = sending;
  const attempt = (async () => {
    await previous;
    try {
      // The response schema (classic zod) loads with the call, not with the first screen (issue 17).
      const { PreferencesResponseSchema } = await import("@inbox/shared/api/preferences");
      await request("/api/me/preferences", { method: "PUT", body: { locale }, schema: PreferencesResponseSchema });
    } catch {
      return; // offline or refused: the pending choice stays and is sent next time
    }
    if (readPending(storage()) === locale) writePending(storage(), null);
    await refresh(); // the remembered user now carries the new language
  })();
  sending = attempt;
  return attempt;
}
