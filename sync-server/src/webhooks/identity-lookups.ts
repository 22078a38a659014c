import DataLoader from "dataloader";
import { and, eq, inArray } from "drizzle-orm";
import type { Reads } from "../db/record.ts";
import { contactIdentities, contacts } from "../db/schema.ts";
import { defer } from "../db/defer.ts";

/** A platform sender's contact as webhook processing reads it. */
export interface IdentityRow {
  externalId: string;
  id: string;
  name: string | null;
  phone: string | null;
  blockedAt: number | null;
  profileDueAt: number | null;
  profileCheckedAt: number | null;
}

/** Senders' contacts of one inbox, one query for all of them. */
export async function identityRows(core: Reads, inboxId: string, externalIds: readonly string[]): Promise<IdentityRow[]> {
  return core.db
    .select({
      externalId: contactIdentities.externalId,
      id: contacts.id,
      name: contacts.name,
      phone: contacts.phone,
      blockedAt: contactIdentities.blockedAt,
      profileDueAt: contactIdentities.profileDueAt,
      profileCheckedAt: contactIdentities.profileCheckedAt,
    })
    .from(contactIdentities)
    .innerJoin(contacts, eq(contacts.id, contactIdentities.contactId))
    .where(and(eq(contactIdentities.inboxId, inboxId), externalIds.length === 1 ? eq(contactIdentities.externalId, externalIds[0]!) : inArray(contactIdentities.externalId, [...externalIds])));
}

/** Most senders one query names (well under SQLite's limit on parameters). */
const MAX_BATCH = 500;

/**
 * The senders' contacts looked up together: a batch of webhooks has its customers' events run
 * side by side, and every sender's lookup asked for in the same turn of the event loop shares one
 * query instead of one each. Nothing is cached: each lookup reads the record as it is then, as a
 * query of its own would. One per batch of webhooks (it holds pending lookups, so it is never
 * shared between a Worker's requests).
 */
export class IdentityLookups {
  private readonly loader: DataLoader<string, IdentityRow | undefined>;

  constructor(core: Reads) {
    this.loader = new DataLoader(
      async (keys) => {
        const byInbox = new Map<string, string[]>();
        for (const key of keys) {
          const [inboxId, externalId] = splitKey(key);
          byInbox.set(inboxId, [...(byInbox.get(inboxId) ?? []), externalId]);
        }
        const found = new Map<string, IdentityRow>();
        for (const [inboxId, externalIds] of byInbox) {
          for (const row of await identityRows(core, inboxId, externalIds)) found.set(keyOf(inboxId, row.externalId), row);
        }
        return keys.map((key) => found.get(key));
      },
      { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: defer },
    );
  }

  get(inboxId: string, externalId: string): Promise<IdentityRow | undefined> {
    return this.loader.load(keyOf(inboxId, externalId));
  }
}

function keyOf(inboxId: string, externalId: string): string {
  return `${inboxId}\n${externalId}`;
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf("\n");
  return [key.slice(0, at), key.slice(at + 1)];
}
