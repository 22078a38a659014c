type Typed = Int32Array | Uint32Array | Float64Array;
type Make<T extends Typed> = new (length: number) => T;

/**
 * Working arrays of a report's passes, kept between reports: a scan at a million rows would
 * otherwise allocate (and zero, and the collector later reclaim) some 55 MB of arrays the length
 * of a table per report. One set for the process, grown to the largest scan, and let go once no
 * report has used it for RELEASE_AFTER_MS (a quiet server does not hold the largest report's
 * arrays for good; the report roller's passes ask, so no timer of its own keeps a Worker's
 * request waiting). A report is answered synchronously (WorkspaceCopy.answer), so no two use
 * it at once, and the release never falls inside one.
 * Each name belongs to one pass; what a pass takes is valid until that pass asks again, and its
 * contents are whatever was left (callers write before they read).
 */
/** Five minutes: reports come in bursts (a dashboard's tiles, a supervisor paging periods). */
export const RELEASE_AFTER_MS = 5 * 60_000;

class Scratch {
  private readonly arrays = new Map<string, Typed>();
  private lastUse = 0;

  /** Bytes held now. */
  get bytes(): number {
    let total = 0;
    for (const a of this.arrays.values()) total += a.byteLength;
    return total;
  }

  int32(name: string, n: number): Int32Array {
    return this.take(name, n, Int32Array);
  }

  uint32(name: string, n: number): Uint32Array {
    return this.take(name, n, Uint32Array);
  }

  float64(name: string, n: number): Float64Array {
    return this.take(name, n, Float64Array);
  }

  /** Lets the arrays go if no report has used them for RELEASE_AFTER_MS. */
  releaseIfIdle(): void {
    if (this.arrays.size > 0 && Date.now() - this.lastUse >= RELEASE_AFTER_MS) this.arrays.clear();
  }

  private take<T extends Typed>(name: string, n: number, make: Make<T>): T {
    this.lastUse = Date.now();
    const have = this.arrays.get(name);
    if (have instanceof make && have.length >= n) return have.subarray(0, n) as T;
    // Room to grow: tables grow a little with every roll.
    const next = new make(Math.max(n + (n >>> 3), 1024));
    this.arrays.set(name, next);
    return next.subarray(0, n) as T;
  }
}

export const scratch = new Scratch();
