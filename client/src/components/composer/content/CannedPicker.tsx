/**
 * Suggestions for `/shortcut` in the composer: the canned responses matching what follows the
 * slash. Picking one hands back its text with the variables filled in (canned-vars.ts). Works
 * offline from the copy on the device.
 */
import type { CannedResponse } from "@inbox/shared/api/content";
import { createMemo, For, onMount, Show } from "solid-js";
import { useAppState } from "../../../state/app-state.tsx";
import { contentStore } from "../../../state/content.ts";
import { filterCanned } from "./canned-filter.ts";
import { fillCannedVariables, type CannedVars } from "./canned-vars.ts";
import { t } from "./messages.ts";
import { createPickerKeys } from "./picker-keys.ts";

export type { CannedVars } from "./canned-vars.ts";

export function CannedPicker(props: { query: string; vars: CannedVars; onPick(text: string): void; onClose(): void }) {
  const { local } = useAppState();
  const store = createMemo(() => {
    const db = local.db();
    return db ? contentStore(db) : null;
  });
  onMount(() => store()?.refresh());
  const all = () => store()?.canned() ?? [];
  const matches = createMemo(() => filterCanned(all(), props.query));
  const pick = (c: CannedResponse | undefined) => c && props.onPick(fillCannedVariables(c.text, props.vars));
  const keys = createPickerKeys({ count: () => matches().length, onChoose: (i) => pick(matches()[i]), onClose: () => props.onClose() });

  return (
    <div class="content-picker" data-picker="canned">
      <Show
        when={matches().length > 0}
        fallback={
          <p class="content-picker-empty" role="status">
            {all().length ? t("cannedEmpty", { query: props.query }) : t("cannedNone")}
          </p>
        }
      >
        <ul class="content-picker-list" role="listbox" aria-label={t("cannedLabel")}>
          <For each={matches()}>
            {(c, i) => (
              <li
                role="option"
                class="content-picker-option"
                aria-selected={keys.active() === i()}
                // Keep the caret in the composer: choose on mousedown, before focus moves.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(c);
                }}
                onMouseEnter={() => keys.setActive(i())}
              >
                <span class="content-picker-key">/{c.shortcut}</span>
                <span class="content-picker-title">{c.title}</span>
                <span class="content-picker-preview">{c.text}</span>
              </li>
            )}
          </For>
        </ul>
        <p class="content-picker-hint">{t("pickerHint")}</p>
      </Show>
    </div>
  );
}
