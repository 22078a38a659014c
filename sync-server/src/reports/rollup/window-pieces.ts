/** A window's span [from, to). */
interface Span {
  from: number;
  to: number;
}

/** The first index whose value is greater than x (values ascending). */
function upper(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Time cut at every window's ends into pieces each inside the same windows, so that one lookup
 * of a row's time tells every window it counts in (a series and its period, several groupings)
 * instead of a test per window.
 */
export class WindowPieces {
  private readonly edges: Float64Array;
  /** Per piece, the windows (by their index in the list given) that hold it. */
  readonly holders: number[][];

  constructor(wins: readonly Span[]) {
    this.edges = Float64Array.from(new Set(wins.flatMap((w) => [w.from, w.to]))).sort();
    this.holders = Array.from({ length: Math.max(this.edges.length - 1, 0) }, () => []);
    wins.forEach((w, k) => {
      for (let p = upper(this.edges, w.from) - 1; p < this.holders.length && this.edges[p]! < w.to; p++) this.holders[p]!.push(k);
    });
  }

  /** The piece holding time `at`, or -1 when no window holds it. */
  piece(at: number): number {
    const e = this.edges;
    if (!e.length || at < e[0]! || at >= e[e.length - 1]!) return -1;
    const p = upper(e, at) - 1;
    return this.holders[p]!.length ? p : -1;
  }
}
