import { PLATFORM_MEDIA_PREFIX, type Connector, type ConnectorContext, type Credentials } from "@inbox/connectors";
import type { MessageContent } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { newMediaKey, type BlobStore } from "../media/blob-store.ts";
import { recordMedia } from "../media/media-access.ts";

/**
 * Platform media links expire (WhatsApp's in minutes), so inbound media is downloaded at once
 * into our blob store and the message points at `/media/<key>`. If the download fails the
 * message is still stored, saying what could not be fetched, rather than lost.
 */
export async function storeInboundMedia(
  core: Writes & { blobs: BlobStore },
  content: MessageContent,
  connector: Connector,
  credentials: Credentials,
  ctx: ConnectorContext,
  /** The inbox's workspace: the file is its own, and its message's conversation's once stored. */
  owner: { workspaceId: string },
): Promise<MessageContent> {
  if (!("url" in content) || !content.url.startsWith(PLATFORM_MEDIA_PREFIX)) return content;
  const mediaId = content.url.slice(PLATFORM_MEDIA_PREFIX.length);
  try {
    const { bytes, mimeType } = await connector.downloadMedia(mediaId, credentials, ctx);
    const key = newMediaKey(mimeType || content.mimeType);
    await core.blobs.put(key, bytes, mimeType || content.mimeType);
    await recordMedia(core, key, owner);
    return { ...content, url: `/media/${key}`, mimeType: mimeType || content.mimeType };
  } catch (err) {
    console.error(`media ${mediaId} could not be downloaded`, err);
    return { kind: "unsupported", description: `A ${content.kind} the platform did not let us download`, raw: { mediaId } };
  }
}
