/**
 * Where media lives once downloaded from a platform or uploaded by an agent: a folder on Node,
 * R2 on Workers. Keys are random and unguessable; reads still require a signed-in user, or a
 * link signed for a web chat visitor (media-links.ts).
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; mimeType: string } | null>;
  /** Removes the file for good (retention, erasure); a key already gone is no error. */
  delete(key: string): Promise<void>;
}

/** For tests and for runs without a media folder. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  async put(key: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    this.blobs.set(key, { bytes, mimeType });
  }
  async get(key: string) {
    return this.blobs.get(key) ?? null;
  }
  async delete(key: string): Promise<void> {
    this.blobs.delete(key);
  }
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "audio/ogg": "ogg",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/amr": "amr",
  "video/mp4": "mp4",
  "application/pdf": "pdf",
};

export function newMediaKey(mimeType: string): string {
  const ext = EXTENSIONS[mimeType.split(";")[0]!.trim()] ?? "bin";
  return `${crypto.randomUUID()}.${ext}`;
}

export const MEDIA_KEY_RE = /^[0-9a-f-]{36}\.[a-z0-9]{1,5}$/;
