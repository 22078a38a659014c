/** The picked rows of one list or queue as Solid state; the rules are in pick.ts. */
import { createComputed, createSignal, on, type Accessor } from "solid-js";
import { clickPick, keepShown, NO_PICKS, pickedInOrder, pickedShare, toggleAll, type Picks } from "./pick.ts";

export interface PickState {
  count: Accessor<number>;
  has(id: string): boolean;
  /** A click or X on a row; `range`: Shift was held. */
  click(id: string, range: boolean): void;
  toggleAll(): void;
  clear(): void;
  share: Accessor<"none" | "some" | "all">;
  /** The picked ids in screen order. */
  ids: Accessor<string[]>;
}

export function createPicks(order: Accessor<readonly string[]>): PickState {
  const [picks, setPicks] = createSignal<Picks>(NO_PICKS);
  // Rows that leave the screen (another filter, a chat moved away) leave the selection.
  createComputed(on(order, (o) => setPicks((p) => keepShown(p, o))));
  return {
    count: () => picks().ids.size,
    has: (id) => picks().ids.has(id),
    click: (id, range) => setPicks((p) => clickPick(p, id, order(), range)),
    toggleAll: () => setPicks((p) => toggleAll(p, order())),
    clear: () => setPicks(NO_PICKS),
    share: () => pickedShare(picks(), order()),
    ids: () => pickedInOrder(picks(), order()),
  };
}
