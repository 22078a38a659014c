/**
 * Token buckets by key (a client address, a visitor): each key may spend `burst` at once, then
 * one more every `refillMs`. In memory and per process: on Node that is the whole server; on
 * Workers each isolate (or Durable Object) counts for itself, so a limit there is per isolate.
 * Bounded: past `maxKeys`, the key touched longest ago is forgotten (it starts full again).
 */
export interface RateLimit {
  burst: number;
  refillMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Spends one token of `key`: 0 when allowed, else how many ms until the next one. */
  take(key: string): number {
    const now = this.now();
    const { burst, refillMs } = this.limit;
    const held = this.buckets.get(key);
    let tokens = held ? Math.min(burst, held.tokens + (now - held.at) / refillMs) : burst;
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) * refillMs);
    }
    tokens -= 1;
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    this.buckets.set(key, { tokens, at: now });
    return 0;
  }
}
