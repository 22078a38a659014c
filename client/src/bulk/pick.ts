/**
 * Which rows are picked for a bulk action, as pure functions over the rows' order on screen:
 * a click toggles one row and becomes the anchor; a shift-click picks every row from the anchor
 * to it (Gmail's and the file managers' rule); "all" picks every visible row. Pure, so the range
 * rules are unit-tested without a DOM.
 */
export interface Picks {
  ids: ReadonlySet<string>;
  /** The last row toggled on its own: where a shift-click range starts. */
  anchor: string | null;
}

export const NO_PICKS: Picks = { ids: new Set(), anchor: null };

/** A click (shift: a range from the anchor) on row `id` of the rows in `order`. */
export function clickPick(picks: Picks, id: string, order: readonly string[], shift: boolean): Picks {
  if (shift && picks.anchor !== null && picks.anchor !== id) {
    const from = order.indexOf(picks.anchor);
    const to = order.indexOf(id);
    if (from >= 0 && to >= 0) {
      // The range takes the anchor's state: shift-clicking after picking a row picks the range,
      // after un-picking one un-picks it.
      const on = picks.ids.has(picks.anchor);
      const next = new Set(picks.ids);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      for (let i = lo; i <= hi; i++) {
        if (on) next.add(order[i]!);
        else next.delete(order[i]!);
      }
      return { ids: next, anchor: picks.anchor };
    }
  }
  const next = new Set(picks.ids);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return { ids: next, anchor: id };
}

/** Every row shown picked, or (when they already all are) none. */
export function toggleAll(picks: Picks, order: readonly string[]): Picks {
  const all = order.length > 0 && order.every((id) => picks.ids.has(id));
  return all ? NO_PICKS : { ids: new Set(order), anchor: picks.anchor };
}

/** Keeps only the rows still shown (a filter changed, a chat left the list). */
export function keepShown(picks: Picks, order: readonly string[]): Picks {
  // Nothing picked (nearly always): no set of every row's id, on every change to the list.
  if (picks.ids.size === 0 && picks.anchor === null) return picks;
  const shown = new Set(order);
  if ([...picks.ids].every((id) => shown.has(id)) && (picks.anchor === null || shown.has(picks.anchor))) return picks;
  return { ids: new Set([...picks.ids].filter((id) => shown.has(id))), anchor: picks.anchor !== null && shown.has(picks.anchor) ? picks.anchor : null };
}

/** "none", "some" or "all" of the shown rows picked: the select-all box's state (checked / mixed). */
export function pickedShare(picks: Picks, order: readonly string[]): "none" | "some" | "all" {
  let n = 0;
  for (const id of order) if (picks.ids.has(id)) n++;
  return n === 0 ? "none" : n === order.length ? "all" : "some";
}

/** The picked rows in screen order (the order their commands are sent in). */
export function pickedInOrder(picks: Picks, order: readonly string[]): string[] {
  return order.filter((id) => picks.ids.has(id));
}
