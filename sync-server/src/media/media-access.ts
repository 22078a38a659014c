import { eq } from "drizzle-orm";
import type { MessageContent } from "@inbox/shared";
import type { Reads, Writes } from "../db/record.ts";
import { media } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound, refused, forbiddenBecause } from "../http/http-error.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { MEDIA_KEY_RE } from "./blob-store.ts";

/**
 * Who may read and send a stored file. Each file has a `media` row (written where the file is
 * stored: agents' uploads, platforms' inbound media) naming its workspace and uploader; a trigger
 * places it in a conversation when a message carries it. From then on it is as visible as that
 * conversation (security/conversation-access.ts); before, only its uploader sees it.
 */

/** Records who owns a file just stored (before any message carries it). */
export function recordMedia(core: Writes, key: string, owner: { workspaceId: string; uploaderId?: string }) {
  return core.writer.write([core.db.insert(media).values({ key, workspaceId: owner.workspaceId, uploaderId: owner.uploaderId ?? null, conversationId: null, createdAt: core.now() })]);
}

/** Refuses a signed-in user who may not see the file: its conversation's access rule, or its uploader. */
export async function refuseUnlessMayRead(core: Reads, user: SessionUser, key: string): Promise<void> {
  const row = MEDIA_KEY_RE.test(key) ? await core.db.query.media.findFirst({ where: eq(media.key, key) }) : undefined;
  if (!row || row.workspaceId !== user.workspaceId) throw notFound("file");
  if (row.conversationId === null) {
    if (row.uploaderId !== user.id) throw notFound("file");
    return;
  }
  try {
    await conversationForUser(core, user, row.conversationId);
  } catch (err) {
    if (err instanceof HttpError && err.status === 403) throw forbiddenBecause("file_team_not_yours");
    if (err instanceof HttpError && err.status === 404) throw notFound("file");
    throw err;
  }
}

/**
 * A reply may carry the sender's own upload that no message carries yet, or a file already in
 * this conversation: never a file of another conversation or another person's upload.
 */
export async function refuseForeignAttachment(core: Reads, user: SessionUser, conversationId: string, content: MessageContent): Promise<void> {
  if (!("url" in content)) return;
  const key = content.url.startsWith("/media/") ? content.url.slice("/media/".length) : "";
  const row = MEDIA_KEY_RE.test(key) ? await core.db.query.media.findFirst({ where: eq(media.key, key) }) : undefined;
  if (!row || row.workspaceId !== user.workspaceId) throw refused(400, "bad_request", "attachment_missing");
  if (row.conversationId === conversationId || (row.conversationId === null && row.uploaderId === user.id)) return;
  throw forbiddenBecause("file_not_yours");
}
