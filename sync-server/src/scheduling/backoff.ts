/** Exponential backoff with jitter for retried work (sends, pushes). */
export interface Backoff {
  /** The delay after the first failed try. */
  firstMs: number;
  capMs: number;
}

/** The outbox's sends: 1 s, 2 s, 4 s … capped at 5 minutes. */
export const SEND_BACKOFF: Backoff = { firstMs: 1000, capMs: 300_000 };

/** Delay before retry number `attempt` (1-based): firstMs doubling per try up to capMs, ±20% jitter. */
export function backoffMs(attempt: number, backoff: Backoff = SEND_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(backoff.capMs, backoff.firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
