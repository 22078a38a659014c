/** Identity-preserving updates for lists that come back from the local database. Pure. */

/**
 * Keeps the previous object for rows whose content did not change, so Solid's <For> leaves
 * their DOM alone when a live query answers again.
 */
export function reuseUnchanged<T extends { id: string }>(next: readonly T[], prev: readonly T[]): T[] {
  if (prev.length === 0) return [...next];
  const old = new Map(prev.map((p) => [p.id, p]));
  return next.map((n) => {
    const p = old.get(n.id);
    return p && sameJson(p, n) ? p : n;
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
