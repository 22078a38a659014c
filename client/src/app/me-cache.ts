/**
 * The signed-in user, remembered in localStorage so the installed app opens straight into the
 * inbox with no network. The server still has the last word: when it answers 401 the session
 * ends. Pure over a Storage-like object, so the start-up rules are unit-tested. Read back with
 * the zod/mini twin of MeResponseSchema, so start-up loads no classic zod (issue 17).
 */
import type { MeResponse } from "@inbox/shared";
import { MeResponseMini } from "@inbox/shared/mini/index";
import { STORAGE_PREFIX } from "../local/wipe-plan.ts";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The browser's localStorage, or null where it is refused (private mode, blocked cookies). */
export function localStorageOrNull(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const ME_KEY = `${STORAGE_PREFIX}me`;
/** The user whose data this browser holds (kept across a 401, removed by sign-out's wipe). */
export const OWNER_KEY = `${STORAGE_PREFIX}owner`;

export function readCachedMe(storage: KeyValueStorage | null): MeResponse | null {
  const raw = safe(() => storage?.getItem(ME_KEY) ?? null);
  if (!raw) return null;
  try {
    const parsed = MeResponseMini.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeCachedMe(storage: KeyValueStorage | null, me: MeResponse): void {
  safe(() => storage?.setItem(ME_KEY, JSON.stringify(me)));
  safe(() => storage?.setItem(OWNER_KEY, me.user.id));
}

export function forgetCachedMe(storage: KeyValueStorage | null): void {
  safe(() => storage?.removeItem(ME_KEY));
}

export function readOwner(storage: KeyValueStorage | null): string | null {
  return safe(() => storage?.getItem(OWNER_KEY) ?? null) ?? null;
}

/**
 * What a failed /api/me means at start-up. A 401 always signs out. Otherwise (no network,
 * server down) a remembered user keeps working offline; without one, the app can only say it
 * can't reach the server.
 */
export function sessionAfterMeFailure(
  remembered: boolean,
  error: { code: string; status: number },
): "keep" | "signedOut" | "unreachable" {
  if (error.status === 401 || error.code === "unauthenticated") return "signedOut";
  const unreachable = error.code === "network" || error.status >= 500 || error.status === 0;
  if (remembered) return unreachable ? "keep" : "signedOut";
  return unreachable ? "unreachable" : "signedOut";
}

/** localStorage can throw (disabled storage, Safari private mode quota): never let it break start-up. */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
