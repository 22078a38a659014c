import { and, desc, eq } from "drizzle-orm";
import type { Caches } from "../db/caches.ts";
import type { Reads } from "../db/record.ts";
import { conversations } from "../db/schema.ts";

/** Whose conversation: a web chat visitor's own, else the contact's. */
export interface ConversationOwner {
  visitorId?: string | null;
  contactId: string;
}

/** Which conversation a message continues, as a cache key: the visitor's own (web chat), else the contact's. */
export function conversationKey(inboxId: string, owner: ConversationOwner): string {
  return owner.visitorId ? `visitor:${owner.visitorId}:${inboxId}` : `${owner.contactId}:${inboxId}`;
}

/** The conversation a new message (or a visitor's typing) belongs to; cached, as it rarely changes. */
export async function latestConversationId(
  core: Reads & { caches: Pick<Caches, "latestConversation"> },
  key: string,
  inboxId: string,
  owner: ConversationOwner,
): Promise<string | undefined> {
  const cached = core.caches.latestConversation.get(key);
  if (cached) return cached;
  const [row] = await core.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(owner.visitorId ? eq(conversations.visitorId, owner.visitorId) : eq(conversations.contactId, owner.contactId), eq(conversations.inboxId, inboxId)))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  return row?.id;
}
