import { and, eq, inArray, lte, ne } from "drizzle-orm";
import { newId, type DeliveryStatus, searchableText } from "@inbox/shared";
import type { InboundEvent, InboundSender } from "@inbox/connectors";
import type { Caches } from "../db/caches.ts";
import type { Writes } from "../db/record.ts";
import type { ChannelsDeps } from "../channels/index.ts";
import type { BlobStore } from "../media/blob-store.ts";
import { ingestCustomerMessage, type IngestDeps } from "../messages/index.ts";
import { contactIdentities, contacts, conversations, messages, outbox } from "../db/schema.ts";
import { identityRows, type IdentityLookups } from "./identity-lookups.ts";
import { eventInsert } from "../db/event-rows.ts";
import { toMessage, type InboxRow, type MessageRow } from "../db/read-model.ts";
import { publishMessages } from "../rooms/publish.ts";
import { connectorFor, markReachable, markUnreachable, PROFILE_REFRESH_MS, type ProfileRequests } from "../channels/index.ts";
import { applyTemplateStatus } from "../templates/index.ts";

/**
 * Delivery only moves forward (statuses arrive out of order); failed is final. A receipt for an
 * unconfirmed message (see DeliveryStatusSchema) settles it: the platform did send it.
 */
const RANK: Record<DeliveryStatus, number> = { queued: 0, unconfirmed: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** What applying webhooks' events needs: ingest, the channel's platform, the media store, profile lookups. */
export interface InboundDeps extends IngestDeps, ChannelsDeps {
  caches: Pick<Caches, "latestConversation" | "inboxes">;
  blobs: BlobStore;
  profiles: ProfileRequests;
}

/**
 * The contact behind a platform sender, created on first contact. `profileStale`: the
 * platform's profile of this sender was never read or is older than PROFILE_REFRESH_MS, and
 * no lookup is waiting. `created`: the contact is new, made just now for this sender.
 */
export async function contactFor(
  core: Writes,
  inbox: InboxRow,
  sender: InboundSender,
  lookups?: Pick<IdentityLookups, "get">,
): Promise<{ id: string; name: string; blocked: boolean; profileStale: boolean; created: boolean }> {
  const key = `identity:${inbox.id}:${sender.externalId}`;
  return core.locks.run(key, async () => {
    const hit = lookups ? await lookups.get(inbox.id, sender.externalId) : (await identityRows(core, inbox.id, [sender.externalId]))[0];
    if (hit) {
      const profileStale = hit.profileDueAt === null && (hit.profileCheckedAt === null || hit.profileCheckedAt < core.now() - PROFILE_REFRESH_MS);
      return { id: hit.id, name: hit.name ?? sender.name ?? sender.externalId, blocked: hit.blockedAt !== null, profileStale, created: false };
    }
    const id = newId();
    const at = core.now();
    await core.writer.write([
      core.db.insert(contacts).values({
        id,
        workspaceId: inbox.workspaceId,
        name: sender.name ?? null,
        // A name in the webhook (Telegram, WhatsApp) is the platform's: a later profile may update it.
        nameSource: sender.name ? "platform" : null,
        email: null,
        phone: sender.phone ?? null,
        createdAt: at,
      }),
      core.db.insert(contactIdentities).values({ inboxId: inbox.id, externalId: sender.externalId, channel: inbox.channel, contactId: id }),
      eventInsert(core, { workspaceId: inbox.workspaceId, type: "contact.created", actorKind: "customer", actorId: id, data: { inboxId: inbox.id, channel: inbox.channel }, at }),
    ]);
    return { id, name: sender.name ?? sender.externalId, blocked: false, profileStale: true, created: true };
  });
}

/**
 * Applies one canonical event from a verified webhook; every kind is idempotent. `lookups`: the
 * batch's shared sender lookups (see IdentityLookups).
 */
export async function applyInboundEvent(core: InboundDeps, inbox: InboxRow, event: InboundEvent, lookups?: Pick<IdentityLookups, "get">): Promise<void> {
  switch (event.type) {
    case "message": {
      const contact = await contactFor(core, inbox, event.sender, lookups);
      await ingestCustomerMessage(core, {
        inbox,
        contactId: contact.id,
        contactName: contact.name,
        content: event.content,
        clientId: null,
        externalId: event.externalId,
        at: event.at,
        newContact: contact.created,
      });
      // Writing again means the customer can be reached again (they unblocked the business).
      if (contact.blocked) await markReachable(core, { inboxId: inbox.id, externalId: event.sender.externalId });
      // After the message is committed, and never failing it: the lookup itself runs later, on its own.
      if (contact.profileStale && connectorFor(core, inbox.channel)?.fetchProfile) await core.profiles.request(inbox.id, event.sender.externalId);
      return;
    }
    case "edit":
    case "delete": {
      const [row] = await core.db.select().from(messages).where(and(eq(messages.inboxId, inbox.id), eq(messages.externalId, event.externalId)));
      if (!row) return;
      const content = event.type === "edit" ? event.content : { kind: "unsupported" as const, description: "The customer deleted this message", raw: null };
      const results = await core.writer.write([
        core.db.update(messages).set({ content, text: searchableText(content) }).where(eq(messages.id, row.id)).returning(),
      ]);
      await publishRows(core, results[0] as MessageRow[]);
      return;
    }
    case "status": {
      const row = await receiptTarget(core, inbox, event);
      if (!row || RANK[event.status] <= RANK[row.status as DeliveryStatus] || row.status === "failed") return;
      const sent = event.status !== "failed";
      const results = await core.writer.write([
        core.db
          .update(messages)
          .set({
            status: event.status,
            ...(event.status === "failed" ? { failureReason: event.reason ?? "The platform could not deliver this message." } : { failureReason: null }),
            // A send whose answer was lost: the receipt tells us the platform's id for it.
            ...(row.externalId ? {} : { externalId: event.externalMessageId }),
          })
          .where(eq(messages.id, row.id))
          .returning(),
        eventInsert(core, {
          workspaceId: row.workspaceId,
          conversationId: row.conversationId,
          type: `message.${event.status === "sent" ? "sent" : event.status}` as "message.sent",
          actorKind: "system",
          data: { messageId: row.id, ...(event.reason ? { reason: event.reason } : {}) },
          at: event.at,
        }),
        // The platform has it: nothing is left to send (not a retry, not a send under way).
        ...(sent ? [core.db.update(outbox).set({ state: "done", claimedBy: null, claimedUntil: null }).where(and(eq(outbox.messageId, row.id), ne(outbox.state, "done")))] : []),
      ]);
      await publishRows(core, results[0] as MessageRow[]);
      if (event.failureKind === "blocked") {
        const [conv] = await core.db.select({ contactId: conversations.contactId }).from(conversations).where(eq(conversations.id, row.conversationId));
        if (conv) await markUnreachable(core, { inboxId: inbox.id, contactId: conv.contactId }, event.at);
      }
      return;
    }
    case "watermark": {
      const contact = await contactFor(core, inbox, event.sender, lookups);
      const convIds = (await core.db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.contactId, contact.id), eq(conversations.inboxId, inbox.id)))).map((c) => c.id);
      if (convIds.length === 0) return;
      const below = event.status === "read" ? ["queued", "sent", "delivered"] : ["queued", "sent"];
      const results = await core.writer.write([
        core.db
          .update(messages)
          .set({ status: event.status })
          .where(and(inArray(messages.conversationId, convIds), eq(messages.direction, "outbound"), inArray(messages.status, below), lte(messages.createdAt, event.upTo)))
          .returning(),
      ]);
      await publishRows(core, results[0] as MessageRow[]);
      return;
    }
    case "blocked":
      await markUnreachable(core, { inboxId: inbox.id, externalId: event.sender.externalId }, event.at);
      return;
    case "unblocked":
      await markReachable(core, { inboxId: inbox.id, externalId: event.sender.externalId });
      return;
    case "template_status":
      await applyTemplateStatus(core, inbox, event);
      return;
  }
}

/**
 * The message a receipt is about: by the platform's id, or, where the platform echoes ours
 * (WhatsApp), by our id, for a send whose answer the server never recorded (it stopped mid-send).
 */
async function receiptTarget(core: InboundDeps, inbox: InboxRow, event: Extract<InboundEvent, { type: "status" }>): Promise<MessageRow | undefined> {
  const [byPlatformId] = await core.db.select().from(messages).where(and(eq(messages.inboxId, inbox.id), eq(messages.externalId, event.externalMessageId)));
  if (byPlatformId || !event.ourMessageId) return byPlatformId;
  const [byOurId] = await core.db
    .select()
    .from(messages)
    .where(and(eq(messages.id, event.ourMessageId), eq(messages.inboxId, inbox.id), eq(messages.direction, "outbound")));
  return byOurId;
}

async function publishRows(core: InboundDeps, rows: MessageRow[]): Promise<void> {
  const byConversation = new Map<string, MessageRow[]>();
  for (const r of rows) byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r]);
  for (const [conversationId, list] of byConversation) {
    const [conv] = await core.db.select().from(conversations).where(eq(conversations.id, conversationId));
    if (conv) publishMessages(core, { id: conv.id, channel: conv.channel as never, contactId: conv.contactId }, list.map(toMessage));
  }
}
