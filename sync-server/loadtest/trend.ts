/** One sample of a quantity over time: `t` in seconds, `v` in the quantity's unit. */
export interface Point {
  t: number;
  v: number;
}

/**
 * The least-squares slope of `v` over `t` (units of v per second), or NaN with fewer than two
 * distinct times. A leak shows as a slope that stays positive once the working set is built;
 * a heap that only saws up and down with garbage collection fits a slope near zero.
 */
export function slope(points: readonly Point[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  let st = 0;
  let sv = 0;
  for (const p of points) {
    st += p.t;
    sv += p.v;
  }
  const mt = st / n;
  const mv = sv / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.t - mt) * (p.v - mv);
    den += (p.t - mt) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/** The points from `fromT` on (the warm-up left out). */
export function after(points: readonly Point[], fromT: number): Point[] {
  return points.filter((p) => p.t >= fromT);
}
