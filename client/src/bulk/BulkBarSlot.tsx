/**
 * Where the bulk bar goes: the bar (BulkBar.tsx, with its menus and the assignee picker) is a
 * chunk of its own, fetched when it is first shown (once rows are picked, or at once where the
 * select-all box lives in it), so a list's first load does not carry it.
 */
import { createEffect, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { BulkTarget } from "../sync/bulk-ledger.ts";
import { onDemand } from "../ui/on-demand.ts";
import type { PickState } from "./create-picks.ts";

const bar = onDemand(() => import("./BulkBar.tsx"));
const loadBar = () => bar.load().catch((err: unknown) => console.warn("Could not load the bulk actions", err));

/** Fetches the bar ahead of the first pick. */
export function preloadBulkBar(): void {
  void loadBar();
}

export function BulkBar(props: { picks: PickState; targets: () => BulkTarget[]; pickAll?: boolean }) {
  const wanted = () => props.pickAll !== false || props.picks.count() > 0;
  createEffect(() => {
    if (wanted()) void loadBar();
  });
  return (
    <Show when={bar.ready()}>
      {(m) => <Dynamic component={m().BulkBar} picks={props.picks} targets={props.targets} pickAll={props.pickAll} />}
    </Show>
  );
}
