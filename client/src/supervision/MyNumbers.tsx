/**
 * The agent's own numbers for today, in a header popover (agents have no board). The popover is
 * a chunk of its own (MyNumbersPopover.tsx), fetched when it first opens.
 */
import { createSignal, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { onDemand } from "../ui/on-demand.ts";
import { t } from "./my-numbers-messages.ts";

const popover = onDemand(() => import("./MyNumbersPopover.tsx"));

export function MyNumbers() {
  const [open, setOpen] = createSignal(false);
  const toggle = () => {
    if (!open()) popover.load().catch((err: unknown) => console.warn("Could not load your numbers", err));
    setOpen(!open());
  };
  return (
    <div class="my-numbers">
      <button type="button" class="btn btn-ghost" aria-expanded={open()} onClick={toggle}>
        {t("myToday")}
      </button>
      <Show when={open() && popover.ready()}>{(m) => <Dynamic component={m().MyNumbersPopover} />}</Show>
    </div>
  );
}
