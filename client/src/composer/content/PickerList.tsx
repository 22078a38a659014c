/**
 * The suggestion list under the caret (canned responses, mentions): a listbox the composer's
 * keyboard drives (picker-keys.ts) while focus stays in the textarea, or a status line when
 * nothing matches.
 */
import { For, Show, type JSX } from "solid-js";
import { t } from "./messages.ts";
import { createPickerKeys } from "./picker-keys.ts";

export function PickerList<T>(props: {
  /** `data-picker` on the wrapper, for styles and tests. */
  kind: string;
  /** The listbox's accessible name. */
  label: string;
  items: readonly T[];
  /** Said instead of the list when nothing matches. */
  empty: string;
  optionClass?: string;
  onPick(item: T): void;
  onClose(): void;
  children: (item: T) => JSX.Element;
}) {
  const keys = createPickerKeys({
    count: () => props.items.length,
    onChoose: (i) => {
      const item = props.items[i];
      if (item !== undefined) props.onPick(item);
    },
    onClose: () => props.onClose(),
  });

  return (
    <div class="content-picker" data-picker={props.kind}>
      <Show
        when={props.items.length > 0}
        fallback={
          <p class="content-picker-empty" role="status">
            {props.empty}
          </p>
        }
      >
        <ul class="content-picker-list" role="listbox" aria-label={props.label}>
          <For each={props.items}>
            {(item, i) => (
              <li
                role="option"
                class={props.optionClass ? `content-picker-option ${props.optionClass}` : "content-picker-option"}
                aria-selected={keys.active() === i()}
                // Keep the caret in the composer: choose on mousedown, before focus moves.
                onMouseDown={(e) => {
                  e.preventDefault();
                  props.onPick(item);
                }}
                onMouseEnter={() => keys.setActive(i())}
              >
                {props.children(item)}
              </li>
            )}
          </For>
        </ul>
        <p class="content-picker-hint">{t("pickerHint")}</p>
      </Show>
    </div>
  );
}
