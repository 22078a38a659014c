/**
 * Lets each key through at most once per period: Meta sends one delivery per message, and an
 * admin needs a line in the audit log about an account, not one per customer message.
 */
export class AuditThrottle {
  private readonly last = new Map<string, number>();
  private readonly everyMs: number;

  constructor(everyMs: number) {
    this.everyMs = everyMs;
  }

  pass(key: string, at: number): boolean {
    if (at - (this.last.get(key) ?? -Infinity) < this.everyMs) return false;
    // A bound, not a cache policy: forgetting only means one more audit line.
    if (this.last.size >= 10_000) this.last.clear();
    this.last.set(key, at);
    return true;
  }
}
