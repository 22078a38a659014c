import { MEDIA_KEY_RE, type BlobStore } from "../media/blob-store.ts";
import type { R2Bucket } from "./cf-types.ts";

/** Media in an R2 bucket, the MIME type kept as the object's content type. */
export class R2BlobStore implements BlobStore {
  constructor(private readonly bucket: R2Bucket) {}

  async put(key: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    if (!MEDIA_KEY_RE.test(key)) throw new Error("bad media key");
    await this.bucket.put(key, bytes, { httpMetadata: { contentType: mimeType } });
  }

  async get(key: string) {
    if (!MEDIA_KEY_RE.test(key)) return null;
    const object = await this.bucket.get(key);
    if (!object) return null;
    return { bytes: new Uint8Array(await object.arrayBuffer()), mimeType: object.httpMetadata?.contentType ?? "application/octet-stream" };
  }

  async delete(key: string): Promise<void> {
    if (MEDIA_KEY_RE.test(key)) await this.bucket.delete(key);
  }
}
