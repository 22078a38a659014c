import { TtlCache } from "../lib/ttl-cache.ts";
import type { InboxRow } from "./read-model.ts";

/** A widget token's visitor, as the widget API looks it up on every call. */
export interface CachedVisitor {
  contactId: string;
  visitorId: string;
  sessionHash: string;
  inboxId: string;
  name: string;
}

/** Hot lookups on the ingest path; whoever changes the underlying row deletes its entry. */
export interface Caches {
  inboxes: TtlCache<InboxRow>;
  /** Widget token → visitor. Tokens are never reused, so only expiry and size bound this. */
  visitors: TtlCache<CachedVisitor>;
  /** Conversation id → its web chat visitor ("" for none); a conversation's visitor never changes. */
  conversationVisitors: TtlCache<string>;
  /** `contactId:inboxId` → that contact's latest conversation id in the inbox. */
  latestConversation: TtlCache<string>;
}

export function createCaches(): Caches {
  return {
    inboxes: new TtlCache(2000),
    visitors: new TtlCache(60_000),
    conversationVisitors: new TtlCache(3600_000),
    latestConversation: new TtlCache(60_000),
  };
}
