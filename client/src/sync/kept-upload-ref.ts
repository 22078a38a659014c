/**
 * How a queued reply names a file kept on this device until it is uploaded (kept-uploads.ts):
 * apart from the uploads themselves, so the outbox can tell such a reply without the inbox's
 * first load carrying the upload code (issue 17).
 */
import type { Command } from "@inbox/shared";

const LOCAL_UPLOAD_PREFIX = "local-upload:";

/** The url a reply carries for the file kept on this device under `id`. */
export const keptUrl = (id: string) => `${LOCAL_UPLOAD_PREFIX}${id}`;

/** A url naming a file kept on this device (not uploaded yet). */
export const isLocalUpload = (url: string) => url.startsWith(LOCAL_UPLOAD_PREFIX);

/** The id of the kept file a `local-upload:` url names, or null for any other url. */
export const keptIdOf = (url: string) => (isLocalUpload(url) ? url.slice(LOCAL_UPLOAD_PREFIX.length) : null);

/** A reply whose attachment is still only on this device. */
export function hasKeptUpload(command: Command): boolean {
  return command.type === "reply" && !!command.content && "url" in command.content && isLocalUpload(command.content.url);
}
