import type { Hono } from "hono";
import type { Core } from "../core.ts";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError, notFound } from "../http/http-error.ts";
import { MEDIA_KEY_RE } from "../media/blob-store.ts";
import { checkMediaLink } from "../media/media-links.ts";
import { sessionMiddleware } from "../auth/session-middleware.ts";

/**
 * `/media/<key>`: attachments downloaded from platforms or uploaded by agents. Keys are random;
 * signed-in agents may fetch them, and a web chat visitor may fetch one with the link signed for
 * them (media-links.ts). They are served as downloads-or-media with a strict type, never as a
 * page (so an uploaded HTML file cannot run in our origin).
 */
export function registerMediaRoutes(app: Hono<AppEnv>, core: Core): void {
  app.get("/media/:key", sessionMiddleware(core), async (c) => {
    const key = c.req.param("key");
    const exp = c.req.query("exp");
    const sig = c.req.query("sig");
    if (exp !== undefined || sig !== undefined) {
      if (!(await checkMediaLink(core.secrets, key, exp, sig, core.now())))
        throw new HttpError(403, "forbidden", "This link to the file has expired or is not valid. Reopen the chat to get a new one.");
    } else if (!c.get("user")) throw new HttpError(401, "unauthenticated", "Please sign in to continue.");
    const blob = MEDIA_KEY_RE.test(key) ? await core.blobs.get(key) : null;
    if (!blob) throw notFound("That file");
    const safeType = /^(image|audio|video)\//.test(blob.mimeType) || blob.mimeType === "application/pdf" ? blob.mimeType : "application/octet-stream";
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": safeType,
      "content-security-policy": "default-src 'none'; sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=31536000, immutable",
    });
  });
}
