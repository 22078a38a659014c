/**
 * Moving through the list's visible order from outside the list (e.g. a global "next
 * conversation" shortcut): give it `conversations.visibleIds()` and the open conversation.
 * Pure, so the edges are unit-tested.
 */

/**
 * The id `delta` rows from `currentId` in `ids`, stopping at the ends; the first row (or the
 * last, moving back) when nothing is open or the open one is not in the list; null for an
 * empty list.
 */
export function stepThrough(ids: readonly string[], currentId: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const at = currentId === null ? -1 : ids.indexOf(currentId);
  if (at < 0) return delta >= 0 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.max(0, Math.min(ids.length - 1, at + delta))]!;
}
