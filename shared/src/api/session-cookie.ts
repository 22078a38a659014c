/* No zod here: the PWA's first screen uses these without loading the schemas (issue 17). */

/**
 * A readable cookie set beside the HttpOnly session cookie, holding no secret: whether this
 * browser may have a session, so the PWA asks /api/me only when one may exist.
 */
export const SIGNED_IN_HINT_COOKIE = "inbox_signed_in";
