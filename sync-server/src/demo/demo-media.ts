import type { MessageContent } from "@inbox/shared";
import { INVOICE_PDF, PHOTO_JPEG, VOICE_OGG } from "@inbox/connectors/src/demo-media/media.ts";
import type { Writes } from "../db/record.ts";
import { newMediaKey, type BlobStore } from "../media/blob-store.ts";
import { recordMedia } from "../media/media-access.ts";

/** The real files a seeded customer line may carry (connectors/src/demo-media). */
export type DemoMedia = "photo" | "voice" | "invoice";

const FILES = { photo: PHOTO_JPEG, voice: VOICE_OGG, invoice: INVOICE_PDF } as const;

/**
 * A seeded customer's photo, voice note or PDF, stored as inbound media is (the blob store, a
 * media row owned by the workspace), so the seeded chat shows files the PWA really displays and
 * plays. The line's text is the photo's caption.
 */
export async function demoMediaContent(core: Writes & { blobs: BlobStore }, which: DemoMedia, workspaceId: string, caption: string): Promise<MessageContent> {
  const file = FILES[which];
  const key = newMediaKey(file.mimeType);
  await core.blobs.put(key, file.bytes, file.mimeType);
  await recordMedia(core, key, { workspaceId });
  const url = `/media/${key}`;
  if (which === "photo") return { kind: "image", url, mimeType: file.mimeType, ...(caption ? { caption } : {}) };
  if (which === "voice") return { kind: "audio", url, mimeType: file.mimeType, voice: true, durationSec: 2 };
  return { kind: "file", url, mimeType: file.mimeType, filename: file.filename, size: file.bytes.length };
}
