/** Exponential backoff with jitter for retries against the server (outbox, pull). */
export function backoffDelay(attempt: number, opts: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const { baseMs = 1_000, maxMs = 30_000, random = Math.random } = opts;
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  // Up to 30% less, so many agents coming back online don't retry in lockstep.
  return Math.round(exp * (1 - 0.3 * random()));
}
