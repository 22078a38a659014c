/** Exponential backoff with jitter, shared by message retries and socket reconnects. */
export interface BackoffOptions {
  /** Delay before the first retry. */
  baseMs?: number;
  /** Upper bound for any single delay. */
  maxMs?: number;
  factor?: number;
  /** Fraction (0..1) of the delay that is randomised, so many widgets don't retry in lockstep. */
  jitter?: number;
  random?: () => number;
}

/** Delay in ms before retry number `attempt` (0 = first retry). */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const { baseMs = 500, maxMs = 30_000, factor = 2, jitter = 0.3, random = Math.random } = opts;
  const exp = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt));
  return Math.round(exp * (1 - jitter * random()));
}
