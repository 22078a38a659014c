/** A row's checkbox and the "select all shown" box of a list or queue. */
import { createEffect } from "solid-js";
import type { PickState } from "./create-picks.ts";
import { t } from "./pick-messages.ts";

export function PickBox(props: { picks: PickState; id: string; name: string; tabIndex?: number }) {
  return (
    <input
      type="checkbox"
      class="pick-box"
      aria-label={t("pick", { name: props.name })}
      tabIndex={props.tabIndex}
      checked={props.picks.has(props.id)}
      onClick={(e) => {
        props.picks.click(props.id, e.shiftKey);
        // A shift-click range may leave this box as it was: show the state, not the click.
        e.currentTarget.checked = props.picks.has(props.id);
      }}
    />
  );
}

export function PickAllBox(props: { picks: PickState }) {
  return (
    <input
      type="checkbox"
      class="pick-box"
      aria-label={t("pickAll")}
      checked={props.picks.share() === "all"}
      ref={(el) => createEffect(() => (el.indeterminate = props.picks.share() === "some"))}
      onClick={(e) => {
        props.picks.toggleAll();
        e.currentTarget.checked = props.picks.share() === "all";
      }}
    />
  );
}

/** X (Shift+X: a range) on a focused row picks it, as in mail clients. */
export function pickKey(picks: PickState, id: string, e: KeyboardEvent): void {
  if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== "x" && e.key !== "X")) return;
  e.preventDefault();
  picks.click(id, e.shiftKey);
}
