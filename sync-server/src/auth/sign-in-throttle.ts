import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { signInThrottle } from "../db/schema.ts";
import { refused } from "../http/http-error.ts";

/**
 * Sign-in throttling with exponential backoff, per account and per address. The counts live in
 * the record (`sign_in_throttle`), so every instance (Node processes, Worker isolates) applies
 * the same limits. A locked key is answered 429 before the password is checked, so guesses
 * stop costing the server a hash, and a correct password does not get in early either.
 *
 * - An account (by email, known or not, so the answer does not tell which emails exist) gets
 *   5 failures free; then each failure locks it for 1 s, 2 s, 4 s, … up to 15 minutes.
 * - An address gets 20 failures free (offices share one), then the same backoff.
 * - A success clears its account's count; an address's count is only forgotten a day after its
 *   last failure, so signing in to one's own account does not reset guessing at others.
 */
export const THROTTLE = {
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3600_000,
} as const;

export interface ThrottleKeys {
  account: string;
  address: string | null;
}

export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  return { account: `account:${email}`, address: ip ? `address:${networkOf(ip)}` : null };
}

/**
 * The address as one party holds it: an IPv4 address, or an IPv6 address's /64 (one home or
 * one server gets a whole /64, so counting single IPv6 addresses would let anyone rotate).
 */
export function networkOf(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g || "0", 16).toString(16)).join(":")}::/64`;
}

const keyList = (keys: ThrottleKeys) => [keys.account, ...(keys.address ? [keys.address] : [])];

/** Refuses with 429 while the account or the address is locked, saying when to try again. */
export async function refuseWhileLocked(core: Writes, keys: ThrottleKeys): Promise<void> {
  const now = core.now();
  const rows = await core.db.select().from(signInThrottle).where(inArray(signInThrottle.key, keyList(keys)));
  const locked = rows.filter((r) => r.lockedUntil > now).sort((a, b) => b.lockedUntil - a.lockedUntil)[0];
  if (!locked) return;
  const seconds = Math.ceil((locked.lockedUntil - now) / 1000);
  const reason = locked.key === keys.account ? "sign_in_locked_account" : "sign_in_locked_network";
  throw refused(429, "rate_limited", reason, { seconds: String(seconds) }, { "Retry-After": String(seconds) });
}

/** Counts a failure against both keys and locks those past their free failures. */
export async function recordFailure(core: Writes, keys: ThrottleKeys): Promise<void> {
  const now = core.now();
  const forgetBefore = now - THROTTLE.forgetAfterMs;
  const counted = (key: string) =>
    core.db
      .insert(signInThrottle)
      .values({ key, failures: 1, lastFailureAt: now, lockedUntil: 0 })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          // An old streak is forgotten; the increment happens in SQL so concurrent failures all count.
          failures: sql`case when ${signInThrottle.lastFailureAt} < ${forgetBefore} then 1 else ${signInThrottle.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ key: signInThrottle.key, failures: signInThrottle.failures });
  const results = (await core.writer.write(keyList(keys).map(counted))) as { key: string; failures: number }[][];
  const locks = results.flat().flatMap(({ key, failures }) => {
    const free = key === keys.account ? THROTTLE.accountFreeFailures : THROTTLE.addressFreeFailures;
    if (failures <= free) return [];
    const delay = Math.min(THROTTLE.maxDelayMs, THROTTLE.firstDelayMs * 2 ** Math.min(failures - free - 1, 20));
    return [
      core.db
        .update(signInThrottle)
        .set({ lockedUntil: sql`max(${signInThrottle.lockedUntil}, ${now + delay})` })
        .where(eq(signInThrottle.key, key)),
    ];
  });
  if (locks.length) await core.writer.write(locks);
}

/** After a successful sign-in: the account starts afresh, and long-quiet rows are dropped. */
export function clearedOnSuccess(core: Writes, keys: ThrottleKeys) {
  const now = core.now();
  return [
    core.db.delete(signInThrottle).where(eq(signInThrottle.key, keys.account)),
    core.db.delete(signInThrottle).where(and(lt(signInThrottle.lastFailureAt, now - THROTTLE.forgetAfterMs), lt(signInThrottle.lockedUntil, now))),
  ];
}
