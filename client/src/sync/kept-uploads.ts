/**
 * Attachments picked while offline: the file is kept on this device (Dexie `kv`, under
 * `composer.upload.<id>`) and its reply waits in the outbox with a `local-upload:<id>` url.
 * Just before the replayer sends that reply, the file is uploaded and the reply gets the
 * server's `/media/` url instead. The upload's answer is stored in place of the file, so a
 * retry after a dropped request does not upload it twice.
 */
import type { Command } from "@inbox/shared";
import { attachmentKindOf, baseMimeType, type UploadResponse } from "@inbox/shared/api/uploads";
import { ApiError } from "../api/http.ts";
import type { LocalDb } from "../local/db.ts";
import { keptIdOf, keptUrl } from "./kept-upload-ref.ts";
const kvKey = (id: string) => `composer.upload.${id}`;

/** The slice of the `kv` table this needs (a Map in tests). */
export interface KeptStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<unknown>;
}

interface Kept {
  conversationId: string;
  filename: string;
  /** The file, until it is uploaded. */
  blob?: Blob;
  /** The server's url, once it is. */
  url?: string;
}

export async function keepForUpload(store: KeptStore, id: string, file: Blob, filename: string, conversationId: string): Promise<string> {
  const kept: Kept = { conversationId, filename, blob: file };
  await store.put(kvKey(id), kept);
  return keptUrl(id);
}

/** A reply's content for a file kept on this device under `id`, until the outbox uploads it. */
export function keptAttachmentContent(file: File, id: string) {
  const mimeType = baseMimeType(file.type || "application/octet-stream");
  const kind = attachmentKindOf(mimeType);
  const url = keptUrl(id);
  return kind === "file" ? { kind, url, mimeType, filename: file.name.slice(0, 255), size: file.size } : { kind, url, mimeType };
}

export type Upload = (conversationId: string, file: Blob, filename: string) => Promise<UploadResponse>;

/** The replayer's `prepare`: replies with a kept file get its uploaded url; everything else passes. */
export function createUploadResolver(store: KeptStore, upload: Upload): (command: Command) => Promise<Command> {
  return async (command) => {
    if (command.type !== "reply" || !command.content || !("url" in command.content)) return command;
    const content = command.content;
    const id = keptIdOf(content.url);
    if (id === null) return command;
    const key = kvKey(id);
    const kept = (await store.get(key)) as Kept | undefined;
    let url = kept?.url;
    if (!url) {
      // 400, not 404: a missing file will not come back, so the reply is refused rather than retried.
      if (!kept?.blob) throw new ApiError("bad_request", "The attached file is no longer on this device. Attach it again.", 400);
      const uploaded = await upload(kept.conversationId, kept.blob, kept.filename);
      url = uploaded.url;
      await store.put(key, { conversationId: kept.conversationId, filename: kept.filename, url } satisfies Kept);
    }
    return { ...command, content: { ...content, url } };
  };
}

/**
 * What a `local-upload:` url stands for on this device: the file itself until it is uploaded,
 * then the server's url; null when it is not a kept file or the file is gone.
 */
export async function findKept(store: KeptStore, url: string): Promise<{ blob: Blob } | { url: string } | null> {
  const id = keptIdOf(url);
  if (id === null) return null;
  const kept = (await store.get(kvKey(id))) as Kept | undefined;
  if (kept?.url) return { url: kept.url };
  if (kept?.blob instanceof Blob) return { blob: kept.blob };
  return null;
}

/** The `kv` table as a KeptStore. */
export function keptStoreOf(db: LocalDb): KeptStore {
  return {
    get: async (key) => (await db.kv.get(key))?.value,
    put: (key, value) => db.kv.put({ key, value }),
  };
}

/** What the outbox replayer runs before each command: kept files uploaded first. */
export function prepareKeptUploads(db: LocalDb): (command: Command) => Promise<Command> {
  // The upload request (and its classic zod response schema) loads with the first upload, not with the inbox (issue 17).
  return createUploadResolver(keptStoreOf(db), async (conversationId, file, filename) =>
    (await import("../api/uploads.ts")).uploadFile(conversationId, file, filename),
  );
}
