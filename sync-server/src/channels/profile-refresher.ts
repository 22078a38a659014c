import { and, eq, isNull, min, sql } from "drizzle-orm";
import type { Caches } from "../db/caches.ts";
import type { Publishes } from "../rooms/publish.ts";
import { contactIdentities } from "../db/schema.ts";
import { getInboxRow } from "../db/read-model.ts";
import { connectorFor, contextFor, credentialsOf, type ChannelsDeps } from "./channel-access.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import { applyPlatformProfile, type ProfileIdentity } from "../contacts/index.ts";

const MINUTE_MS = 60_000;
/** A profile is read again when its customer writes and the last reading is older than this. */
export const PROFILE_REFRESH_MS = 7 * 24 * 60 * MINUTE_MS;
/** Waits after the 1st, 2nd, 3rd failed lookup; after the last one the profile is given up until the next refresh. */
const RETRY_AFTER_MS = [MINUTE_MS, 10 * MINUTE_MS, 60 * MINUTE_MS] as const;
/** How long a claimed lookup is this process's: one that dies with it comes due again after this. */
const LEASE_MS = 5 * MINUTE_MS;
/** Each profile request's limit (a profile is a small JSON answer): well inside the lease, even for WeChat's token call plus the lookup. */
const REQUEST_TIMEOUT_MS = 20_000;
/** Lookups one pass takes (one at a time: profiles are not urgent, platforms' rate limits are). */
const BATCH = 20;

/** What ingest asks of the refresher (webhooks/inbound-events.ts). */
export interface ProfileRequests {
  /** Marks a sender's profile as wanted now (unless a lookup is already waiting) and starts the lookup. */
  request(inboxId: string, externalId: string): Promise<void>;
}

export interface ProfileDeps extends ChannelsDeps, Publishes {
  caches: Pick<Caches, "inboxes">;
}

/**
 * Reads customers' names and pictures from their platforms' profile APIs (Connector
 * `fetchProfile`), apart from ingest: a customer's message only marks their identity's
 * `profile_due_at` once it is committed, and this job does the lookups, so a slow or failing
 * platform never delays or endangers a message. Lookups are claimed by moving `profile_due_at`
 * a lease ahead (one conditional update), so several processes never look one person up at
 * once and a process that dies leaves nothing stuck. A failed lookup is retried later, a few
 * times; then the id stays the name until the customer writes after the next refresh time.
 * Node runs it from its own loop (and at once on a request); a Worker's scheduler via `runDue`.
 */
export class ProfileRefresher extends LoopJob implements ProfileRequests {
  protected readonly loop: PollingLoop;
  /** A pass is queued and has not started: later requests ride on it (a burst of new customers costs one pass). */
  private queued = false;

  constructor(private readonly core: ProfileDeps, intervalMs = 30_000) {
    super();
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 5_000, tick: () => this.refreshDue(), failure: "could not refresh contacts' profiles" });
  }

  async request(inboxId: string, externalId: string): Promise<void> {
    try {
      await this.core.writer.write([
        this.core.db
          .update(contactIdentities)
          .set({ profileDueAt: this.core.now() })
          .where(and(eq(contactIdentities.inboxId, inboxId), eq(contactIdentities.externalId, externalId), isNull(contactIdentities.profileDueAt))),
      ]);
    } catch (err) {
      // The message is stored; without this mark the next message asks again.
      console.error("could not ask for a contact's profile", err);
      return;
    }
    // Where timers run (Node), at once; a Worker's scheduler finds it due.
    if (this.loop.started) this.kick();
  }

  private kick(): void {
    if (this.queued) return;
    this.queued = true;
    void this.loop
      .exclusive(async () => {
        this.queued = false;
        // A full batch: more may be due already.
        if ((await this.refreshDue()) === BATCH) this.kick();
      })
      .catch((err) => console.error("could not refresh contacts' profiles", err));
  }

  /** Does the due lookups and says when the next one is due (null: none is waiting). */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    const taken = await this.loop.exclusive(() => this.refreshDue(now));
    if (taken === BATCH) return now;
    const [row] = await this.core.db.select({ next: min(contactIdentities.profileDueAt) }).from(contactIdentities);
    const next = row?.next ?? null;
    return next === null ? null : Math.max(next, now);
  }

  /** Claims and performs up to a batch of due lookups; returns how many it took. */
  async refreshDue(now: number = this.core.now()): Promise<number> {
    const claimed = await this.claim(now);
    for (const identity of claimed) {
      try {
        await this.lookUp(identity);
      } catch (err) {
        console.error(`profile of ${identity.inboxId}/${identity.externalId} failed`, err);
        await this.failed(identity).catch(() => undefined);
      }
    }
    return claimed.length;
  }

  private async claim(now: number): Promise<Claimed[]> {
    const { core } = this;
    const [raw] = await core.writer.write([
      core.db.all(sql`
        update contact_identities set profile_due_at = ${now + LEASE_MS}
        where rowid in (
          select rowid from contact_identities
          where profile_due_at is not null and profile_due_at <= ${now}
          order by profile_due_at limit ${BATCH})
        returning inbox_id, external_id, contact_id, profile_attempts`),
    ]);
    return (raw as Record<string, unknown>[]).map((r) => ({
      inboxId: String(r.inbox_id),
      externalId: String(r.external_id),
      contactId: String(r.contact_id),
      attempts: Number(r.profile_attempts),
    }));
  }

  private async lookUp(identity: Claimed): Promise<void> {
    const { core } = this;
    const inbox = await core.caches.inboxes.getOrLoad(identity.inboxId, () => getInboxRow(core.db, identity.inboxId));
    const connector = inbox && connectorFor(core, inbox.channel);
    if (!inbox || !connector?.fetchProfile || inbox.status === "disabled" || !inbox.secretsEnc) {
      // Nothing to ask (the channel is gone, off or without credentials): the next message asks again.
      await this.drop(identity);
      return;
    }
    const credentials = await credentialsOf(core, inbox);
    const ctx = contextFor(core, inbox, connector);
    const fetchWithTimeout = ((input: RequestInfo | URL, init?: RequestInit) => ctx.fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) })) as typeof fetch;
    const profile = await connector.fetchProfile(identity.externalId, credentials, { ...ctx, fetch: fetchWithTimeout });
    if (profile === null) await this.failed(identity);
    else await applyPlatformProfile(core, identity.contactId, identity, profile);
  }

  /** A lookup that gave nothing: tried again later, or given up until the next refresh. */
  private async failed(identity: Claimed): Promise<void> {
    const attempts = identity.attempts + 1;
    const wait = RETRY_AFTER_MS[attempts - 1];
    const now = this.core.now();
    const set = wait === undefined ? { profileDueAt: null, profileCheckedAt: now, profileAttempts: 0 } : { profileDueAt: now + wait, profileAttempts: attempts };
    await this.core.writer.write([this.core.db.update(contactIdentities).set(set).where(identityIs(identity))]);
  }

  private async drop(identity: Claimed): Promise<void> {
    await this.core.writer.write([this.core.db.update(contactIdentities).set({ profileDueAt: null, profileAttempts: 0 }).where(identityIs(identity))]);
  }
}

interface Claimed extends ProfileIdentity {
  contactId: string;
  attempts: number;
}

function identityIs(identity: ProfileIdentity) {
  return and(eq(contactIdentities.inboxId, identity.inboxId), eq(contactIdentities.externalId, identity.externalId));
}
