import type { Caches } from "../db/caches.ts";
import type { Writes } from "../db/record.ts";
import type { BlobStore } from "../media/blob-store.ts";
import type { Publishes } from "../rooms/publish.ts";
import type { RoomHistory } from "../rooms/room-history.ts";

/**
 * What exporting, erasing and retention need: the record, the live rooms and their stored
 * histories (erased or deleted content must leave those too), the media files, and the caches
 * that remember a contact's widget sessions and latest conversations.
 */
export interface DataRightsDeps extends Writes, Publishes {
  blobs: BlobStore;
  roomHistory: RoomHistory;
  caches: Pick<Caches, "visitors" | "latestConversation">;
}
