import { eq, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Writes } from "../db/record.ts";
import { signInChallenges } from "../db/schema.ts";
import { randomToken, sha256Hex } from "./tokens.ts";

/**
 * Between a right password and the second factor: a challenge, of which only a hash is stored
 * (like sessions). It lasts five minutes and five wrong codes end it, so each password entered
 * buys few guesses; the account's own backoff (second-factor.ts) bounds the rest.
 */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CHALLENGE_ATTEMPTS = 5;

export async function newChallenge(core: Writes, userId: string, alongside: BatchItem<"sqlite">[] = []): Promise<{ challenge: string; expiresAt: number }> {
  const challenge = randomToken();
  const at = core.now();
  const expiresAt = at + CHALLENGE_TTL_MS;
  await core.writer.write([
    core.db.delete(signInChallenges).where(lt(signInChallenges.expiresAt, at)),
    core.db.insert(signInChallenges).values({ tokenHash: await sha256Hex(challenge), userId, expiresAt, attempts: 0 }),
    ...alongside,
  ]);
  return { challenge, expiresAt };
}

/** The challenge's row while it is usable. */
export async function liveChallenge(core: Writes, challenge: string) {
  const row = await core.db.query.signInChallenges.findFirst({ where: eq(signInChallenges.tokenHash, await sha256Hex(challenge)) });
  return row && row.expiresAt > core.now() && row.attempts < CHALLENGE_ATTEMPTS ? row : null;
}

/** Counts a wrong code (in SQL, so concurrent guesses all count); answers how many tries are left. */
export async function countWrongCode(core: Writes, tokenHash: string): Promise<number> {
  const [rows] = (await core.writer.write([
    core.db
      .update(signInChallenges)
      .set({ attempts: sql`${signInChallenges.attempts} + 1` })
      .where(eq(signInChallenges.tokenHash, tokenHash))
      .returning({ attempts: signInChallenges.attempts }),
  ])) as { attempts: number }[][];
  const left = Math.max(0, CHALLENGE_ATTEMPTS - (rows?.[0]?.attempts ?? CHALLENGE_ATTEMPTS));
  if (left === 0) await core.writer.write([endChallenge(core, tokenHash)]);
  return left;
}

export function endChallenge(core: Writes, tokenHash: string) {
  return core.db.delete(signInChallenges).where(eq(signInChallenges.tokenHash, tokenHash));
}
