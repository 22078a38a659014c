/**
 * How a queued reply names a file kept on this device until it is uploaded (kept-uploads.ts):
 * apart from the uploads themselves, so the outbox can tell such a reply without the inbox's
 * first load carrying the upload code (issue 17).
 */
import type { Command } from "@inbox/shared";

export const LOCAL_UPLOAD_PREFIX = "local-upload:";

/** A reply whose attachment is still only on this device. */
export function hasKeptUpload(command: Command): boolean {
  return command.type === "reply" && !!command.content && "url" in command.content && command.content.url.startsWith(LOCAL_UPLOAD_PREFIX);
}
