/** The filters in force as chips, each removable on its own, and one "Clear filters". */
import type { ChannelType, ConversationStatus, Priority } from "@inbox/shared";
import { VIEW_FILTER_KEYS, withoutFilterValue, type ListView, type ViewFilterKey } from "@inbox/shared/domain/list-view";
import { For, Show } from "solid-js";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { t } from "./messages.ts";
import { priorityWord, statusWord } from "../format/status-words.ts";

export function ActiveFilters(props: { view: ListView; teamName: (id: string) => string; onChange: (view: ListView) => void }) {
  const word = (key: ViewFilterKey, value: string): string => {
    if (key === "channels") return CHANNEL_LABELS[value as ChannelType] ?? value;
    if (key === "statuses") return statusWord(value as ConversationStatus);
    if (key === "priorities") return priorityWord(value as Priority);
    if (key === "teamIds") return props.teamName(value);
    return value;
  };
  const chips = () => VIEW_FILTER_KEYS.flatMap((key) => props.view[key].map((value) => ({ key, value, label: word(key, value) })));

  return (
    <Show when={chips().length > 0}>
      <div class="list-chips" role="group" aria-label={t("activeFilters")}>
        <For each={chips()}>
          {(chip) => (
            <span class="list-chip">
              {chip.label}
              <button
                type="button"
                class="list-chip-remove"
                aria-label={t("removeFilter", { name: chip.label })}
                onClick={() => props.onChange(withoutFilterValue(props.view, chip.key, chip.value))}
              >
                ×
              </button>
            </span>
          )}
        </For>
        <button
          type="button"
          class="btn btn-ghost list-chips-clear"
          onClick={() => props.onChange({ ...props.view, channels: [], statuses: [], labels: [], teamIds: [], priorities: [] })}
        >
          {t("clearFilters")}
        </button>
      </div>
    </Show>
  );
}
