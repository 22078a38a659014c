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

/**
 * The slope of the lowest value in each `bucket`-second window: for a garbage-collected heap,
 * the floor the sawtooth comes back down to (what is still live), which is what a leak raises.
 * The raw slope over a few minutes mostly measures where in its sawtooth the heap stopped.
 */
export function floorSlope(points: readonly Point[], bucket: number): number {
  const lows = new Map<number, Point>();
  for (const p of points) {
    const k = Math.floor(p.t / bucket);
    const low = lows.get(k);
    if (!low || p.v < low.v) lows.set(k, p);
  }
  return slope([...lows.values()]);
}
