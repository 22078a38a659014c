/** Why a message or conversation is urgent, one reason a line with the words that raised it. */
import type { Urgency } from "@inbox/shared/insights/index";
import { For, Show } from "solid-js";
import { reasonName } from "./insight-words.ts";

export function UrgencyReasons(props: { reasons: Urgency["reasons"]; class?: string; label?: string }) {
  return (
    <ul class={props.class} aria-label={props.label}>
      <For each={props.reasons}>
        {(r) => (
          <li>
            {reasonName(r.reason)}
            <Show when={r.words}>{(w) => <>: “{w()}”</>}</Show>
          </li>
        )}
      </For>
    </ul>
  );
}
