import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MEDIA_KEY_RE, type BlobStore } from "../media/blob-store.ts";

/** Media in a local folder (default ./data/media), with the MIME type in a sidecar file. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  async put(key: string, bytes: Uint8Array, mimeType: string): Promise<void> {
    if (!MEDIA_KEY_RE.test(key)) throw new Error("bad media key");
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, key), bytes);
    await writeFile(join(this.dir, `${key}.type`), mimeType);
  }

  async get(key: string) {
    if (!MEDIA_KEY_RE.test(key)) return null;
    try {
      const [bytes, mimeType] = await Promise.all([readFile(join(this.dir, key)), readFile(join(this.dir, `${key}.type`), "utf8")]);
      return { bytes: new Uint8Array(bytes), mimeType };
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    if (!MEDIA_KEY_RE.test(key)) return;
    await Promise.all([rm(join(this.dir, key), { force: true }), rm(join(this.dir, `${key}.type`), { force: true })]);
  }
}
