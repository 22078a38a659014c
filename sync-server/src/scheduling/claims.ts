import { sql } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { Writes } from "../db/record.ts";

/**
 * Work taken from the record (a stored webhook, an outbox send) is claimed by one process with a
 * conditional write naming the holder and a lease. The holder renews the lease while it works;
 * a lease nobody renewed ran out because its holder died, and anyone may take the work back.
 */

/** How long a claim stands without renewal: a dead holder's work waits at most this long. */
export const LEASE_MS = 30_000;

/**
 * Who holds a claim: `<instance>/<process>`. The instance is stable across restarts of one
 * server (Node: its data folder or INSTANCE_ID), the process part new each start, so a restarted
 * server knows which claims its killed predecessor left and takes them back at once.
 */
export interface Holder {
  id: string;
  instance: string;
  /** Its claims' lease (LEASE_MS; shorter in tests); renewed every third of it while it works. */
  leaseMs: number;
}

/** What taking and renewing claims needs: the record, and this process as the holder. */
export interface ClaimDeps extends Writes {
  holder: Holder;
}

export function newHolder(instance: string = newId(), leaseMs = LEASE_MS): Holder {
  if (instance.includes("/")) throw new Error(`An instance name cannot contain "/": ${instance}`);
  return { id: `${instance}/${newId()}`, instance, leaseMs };
}

/** SQL: the claim in `column` was left by an earlier process of this instance (not this one). */
function leftByEarlierSelf(holder: Holder, column: string) {
  const prefix = `${holder.instance}/`;
  return sql`substr(${sql.raw(column)}, 1, ${prefix.length}) = ${prefix} and ${sql.raw(column)} <> ${holder.id}`;
}

/**
 * At start-up: the claims this instance's previous process held died with it. Webhooks become
 * claimable now; sends under way get an expired lease, so the outbox settles their unknown
 * outcome on its next pass (see OutboxDispatcher) rather than after the lease would have run out.
 */
export async function takeBackOwnClaims(core: ClaimDeps): Promise<void> {
  const holder = core.holder;
  await core.writer.write([
    core.db.run(
      sql`update webhook_events set claimed_by = null, claimed_until = null where state = 'pending' and ${leftByEarlierSelf(holder, "claimed_by")}`,
    ),
    core.db.run(sql`update outbox set claimed_until = 0 where state = 'sending' and ${leftByEarlierSelf(holder, "claimed_by")}`),
    // A push under way when the process died is sent again now (its Topic and tag make that harmless).
    core.db.run(sql`update push_deliveries set claimed_until = 0 where state = 'sending' and ${leftByEarlierSelf(holder, "claimed_by")}`),
  ]);
}

/**
 * Calls `renew` every third of the holder's lease until stopped: the lease renewal while it
 * works. The timer never keeps a process alive on its own.
 */
export function keepRenewing(holder: Holder, renew: () => Promise<unknown>): { stop(): void } {
  const timer = setInterval(() => void renew().catch((err) => console.error("could not renew a claim", err)), holder.leaseMs / 3);
  (timer as { unref?: () => void }).unref?.();
  return { stop: () => clearInterval(timer) };
}
