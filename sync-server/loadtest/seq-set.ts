/** A set of small non-negative integers as a growing bitset: which probes an agent has seen. */
export class SeqSet {
  private bits = new Uint8Array(1024);

  /** Adds `n`; true if it was not there yet. */
  add(n: number): boolean {
    const byte = n >> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, byte + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (n & 7);
    if (this.bits[byte]! & mask) return false;
    this.bits[byte]! |= mask;
    return true;
  }
}
