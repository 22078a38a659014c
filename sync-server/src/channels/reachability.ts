import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { ChannelType } from "@inbox/shared";
import type { Reads, Writes } from "../db/record.ts";
import type { Publishes } from "../rooms/publish.ts";
import { contactIdentities, conversations } from "../db/schema.ts";
import { refused } from "../http/http-error.ts";
import { touchTeamConversations } from "../contacts/index.ts";
import { toConversation } from "../db/read-model.ts";
import { CHANNEL_NAMES } from "./channel-names.ts";

/**
 * A customer who blocked the business (a send failed as `blocked`: WhatsApp 131026, Messenger
 * and Instagram 551, Telegram's "bot was blocked", WeChat 43004/43019, or a block webhook) is
 * unreachable on that channel: their identity carries `blocked_at`, agents see it in the
 * customer panel and the composer, and replies are refused at once instead of failing at the
 * platform again. It clears when the customer writes again (or unblocks, where the platform says).
 */

type Where = { inboxId: string; contactId: string };
/** One identity by the platform's id for the customer, or all of a contact's on the inbox. */
type Match = { inboxId: string } & ({ contactId: string } | { externalId: string });

const matching = (m: Match) =>
  and(eq(contactIdentities.inboxId, m.inboxId), "contactId" in m ? eq(contactIdentities.contactId, m.contactId) : eq(contactIdentities.externalId, m.externalId));

/** Marks the identity unreachable (once: a later failure keeps the first time). */
/** Marking identities blocked or reachable again, shown in the team rooms. */
export type ReachabilityDeps = Writes & Pick<Publishes, "live">;

export async function markUnreachable(core: ReachabilityDeps, match: Match, at: number): Promise<void> {
  await setBlocked(core, match, at);
}

/** The customer wrote (or unblocked) on this channel: reachable again. */
export async function markReachable(core: ReachabilityDeps, match: Match): Promise<void> {
  await setBlocked(core, match, null);
}

async function setBlocked(core: ReachabilityDeps, match: Match, at: number | null): Promise<void> {
  const results = await core.writer.write([
    core.db
      .update(contactIdentities)
      .set({ blockedAt: at })
      .where(and(matching(match), at === null ? isNotNull(contactIdentities.blockedAt) : isNull(contactIdentities.blockedAt)))
      .returning({ contactId: contactIdentities.contactId }),
  ]);
  const changed = new Set((results[0] as { contactId: string }[]).map((r) => r.contactId));
  for (const contactId of changed) await showChange(core, { inboxId: match.inboxId, contactId });
}

/** Refuses a reply to a customer known to have blocked the business, in words the agent understands. */
export async function refuseIfUnreachable(core: Reads, conv: Where & { channel: string }): Promise<void> {
  const [identity] = await core.db
    .select({ blockedAt: contactIdentities.blockedAt })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.inboxId, conv.inboxId), eq(contactIdentities.contactId, conv.contactId), isNotNull(contactIdentities.blockedAt)))
    .limit(1);
  if (!identity) return;
  const channel = CHANNEL_NAMES[conv.channel as ChannelType] ?? conv.channel;
  throw refused(409, "channel_unavailable", "customer_blocked", { channel });
}

/** Agents' devices learn of it through their team rooms and the next pull (the contact is re-stamped by trigger). */
async function showChange(core: ReachabilityDeps, where: Where): Promise<void> {
  const rows = await core.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.contactId, where.contactId), eq(conversations.inboxId, where.inboxId)));
  touchTeamConversations(core, rows.map(toConversation));
}
