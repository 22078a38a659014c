/**
 * The server sets a readable cookie beside the HttpOnly session cookie (no secret in it): its
 * absence means this browser holds no session, so the app need not ask /api/me to find out.
 */
import { SIGNED_IN_HINT_COOKIE } from "@inbox/shared/api/auth";

export function mayHaveSession(cookies: string = typeof document === "undefined" ? "" : document.cookie): boolean {
  return cookies.split(";").some((part) => part.trim().startsWith(`${SIGNED_IN_HINT_COOKIE}=`));
}

/** A session the server refused: the hint goes too, so the next visit shows sign-in at once. */
export function forgetSessionHint(): void {
  if (typeof document !== "undefined") document.cookie = `${SIGNED_IN_HINT_COOKIE}=; Max-Age=0; path=/`;
}
