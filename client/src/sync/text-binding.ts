/**
 * Binding a textarea to a Y.Text (the shared reply draft): each edit in the box becomes the
 * smallest change to the text, and a change from elsewhere (another agent, another tab, the
 * outbox putting a refused reply back) moves the caret the way the text moved. Pure.
 */

export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** The single change that turns `prev` into `next` (common prefix and suffix kept). */
export function diffText(prev: string, next: string): TextChange | null {
  if (prev === next) return null;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) {
    endPrev--;
    endNext--;
  }
  return { index: start, remove: endPrev - start, insert: next.slice(start, endNext) };
}

/** A Yjs text delta: retain n, insert s, or delete n. */
export type Delta = readonly { retain?: number; insert?: unknown; delete?: number }[];

/** Where a caret at `pos` ends up after the delta is applied. */
export function mapPosition(delta: Delta, pos: number): number {
  // `at` walks the old text; inserts and deletes before the caret shift it.
  let at = 0;
  let shift = 0;
  for (const op of delta) {
    if (at > pos) break;
    if (op.retain !== undefined) {
      at += op.retain;
    } else if (op.insert !== undefined) {
      shift += typeof op.insert === "string" ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, pos - at);
      at += op.delete;
    }
  }
  return Math.max(0, pos + shift);
}
