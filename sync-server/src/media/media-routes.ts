import type { Hono } from "hono";
import type { SessionReads } from "../auth/index.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { MEDIA_KEY_RE, type BlobStore } from "./blob-store.ts";
import type { AppEnv } from "../http/app-env.ts";
import { notFound, refused } from "../http/http-error.ts";
import { refuseUntilEnrolled } from "../http/two-factor-gate.ts";
import { checkMediaLink } from "./media-links.ts";
import { sessionMiddleware } from "../auth/index.ts";
import { refuseUnlessMayRead } from "./media-access.ts";

/** What serving files needs: the session, the stored files, the key that signs visitors' links. */
export interface MediaDeps extends SessionReads {
  blobs: BlobStore;
  secrets: SecretBox;
}

/**
 * `/media/<key>`: attachments downloaded from platforms or uploaded by agents. A signed-in user
 * may fetch a file if they may see its conversation (or uploaded it and have not sent it yet:
 * media/media-access.ts); a web chat visitor may fetch one with the link signed for them
 * (media-links.ts). Only raster images, audio and video are shown inline, in a sandbox with no
 * script; anything else (SVG, HTML, PDF, …) is a download, so an uploaded file never runs as a
 * page in our origin.
 */
export function registerMediaRoutes(app: Hono<AppEnv>, core: MediaDeps): void {
  app.get("/media/:key", sessionMiddleware(core), async (c) => {
    const key = c.req.param("key");
    const exp = c.req.query("exp");
    const sig = c.req.query("sig");
    if (exp !== undefined || sig !== undefined) {
      if (!(await checkMediaLink(core.secrets, key, exp, sig, core.now())))
        throw refused(403, "forbidden", "media_link_expired");
    } else {
      const user = c.get("user");
      if (!user) throw refused(401, "unauthenticated", "sign_in_required");
      refuseUntilEnrolled(user);
      await refuseUnlessMayRead(core, user, key);
    }
    const blob = MEDIA_KEY_RE.test(key) ? await core.blobs.get(key) : null;
    if (!blob) throw notFound("file");
    const inline = INLINE_TYPES.test(blob.mimeType);
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": inline ? blob.mimeType : "application/octet-stream",
      "content-disposition": inline ? "inline" : `attachment; filename="${key}"`,
      "content-security-policy": "default-src 'none'; sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=31536000, immutable",
    });
  });
}

/** Types a browser shows without running anything: raster images, audio, video (not SVG). */
const INLINE_TYPES = /^(image\/(png|jpeg|gif|webp|avif|bmp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;
