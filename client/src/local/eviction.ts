/**
 * Keeping the local database within bounds: when it holds more messages than the limit, whole
 * conversations are dropped (their messages and work documents), oldest resolved first, then
 * the oldest of the rest. Conversations with changes waiting, or open on screen, are kept.
 * Pure, so the choice is unit-tested.
 */
import type { Conversation } from "@inbox/shared";

/** Above a 100,000-message working set, so one that size is kept whole. */
export const MAX_CACHED_MESSAGES = 150_000;
/** Evict down to this share of the limit, so the next few messages don't evict again at once. */
export const EVICT_TO = 0.9;

export function evictionOrder(
  conversations: readonly Pick<Conversation, "id" | "status" | "lastActivityAt">[],
  keep: ReadonlySet<string>,
): string[] {
  const oldestFirst = (a: { lastActivityAt: number; id: string }, b: { lastActivityAt: number; id: string }) =>
    a.lastActivityAt - b.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const candidates = conversations.filter((c) => !keep.has(c.id));
  const resolved = candidates.filter((c) => c.status === "resolved").sort(oldestFirst);
  const others = candidates.filter((c) => c.status !== "resolved").sort(oldestFirst);
  return [...resolved, ...others].map((c) => c.id);
}

/** How many messages must go: zero while within the limit. */
export function messagesToEvict(total: number, max = MAX_CACHED_MESSAGES): number {
  if (total <= max) return 0;
  return total - Math.floor(max * EVICT_TO);
}

/**
 * Takes conversations in eviction order until enough messages are freed. `countOf` is asked
 * lazily, so the caller counts only the conversations it actually considers.
 */
export async function chooseEvictions(
  order: readonly string[],
  excess: number,
  countOf: (id: string) => number | Promise<number>,
): Promise<string[]> {
  const chosen: string[] = [];
  let freed = 0;
  for (const id of order) {
    if (freed >= excess) break;
    const n = await countOf(id);
    if (n === 0) continue;
    chosen.push(id);
    freed += n;
  }
  return chosen;
}
