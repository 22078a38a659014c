/**
 * The list's filters beyond the tabs, in a panel the "Filters" button opens (checkboxes per
 * kind: choices of one kind are alternatives), and the sort, always in sight.
 */
import type { ChannelType } from "@inbox/shared";
import { LIST_SORTS, activeFilterCount, type ListSort, type ListView, type ViewFilterKey } from "@inbox/shared/domain/list-view";
import { createSignal, For, Show } from "solid-js";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { CONVERSATION_STATUSES, PRIORITIES } from "../format/choices.ts";
import { t } from "./messages.ts";
import { priorityWord, statusWord } from "../format/status-words.ts";

export interface FilterChoice {
  value: string;
  label: string;
}

const SORT_WORDS: Record<ListSort, () => string> = {
  newest: () => t("sortNewest"),
  oldest_waiting: () => t("sortOldestWaiting"),
  priority: () => t("sortPriority"),
};

export function ListFilters(props: {
  view: ListView;
  onChange: (view: ListView) => void;
  channels: readonly ChannelType[];
  teams: readonly FilterChoice[];
  labels: readonly string[];
}) {
  const [open, setOpen] = createSignal(false);
  const count = () => activeFilterCount(props.view);
  const toggle = (key: ViewFilterKey, value: string, on: boolean) => {
    const current = props.view[key] as readonly string[];
    props.onChange({ ...props.view, [key]: on ? [...current, value] : current.filter((v) => v !== value) });
  };

  const group = (key: ViewFilterKey, legend: string, choices: readonly FilterChoice[]) => (
    <fieldset class="list-filter-group">
      <legend>{legend}</legend>
      <For each={choices}>
        {(choice) => (
          <label class="list-filter-choice">
            <input
              type="checkbox"
              checked={(props.view[key] as readonly string[]).includes(choice.value)}
              onChange={(e) => toggle(key, choice.value, e.currentTarget.checked)}
            />
            {choice.label}
          </label>
        )}
      </For>
    </fieldset>
  );

  return (
    <div class="list-filters">
      <div class="list-filters-bar">
        <button
          type="button"
          class="btn btn-ghost list-filters-toggle"
          aria-expanded={open()}
          aria-controls="list-filter-panel"
          onClick={() => setOpen(!open())}
        >
          {count() > 0 ? t("filtersCount", { count: count() }) : t("filters")}
        </button>
        <label class="list-sort">
          <span class="sr-only">{t("sortLabel")}</span>
          <select
            aria-label={t("sortLabel")}
            value={props.view.sort}
            onChange={(e) => props.onChange({ ...props.view, sort: e.currentTarget.value as ListSort })}
          >
            <For each={LIST_SORTS}>{(sort) => <option value={sort}>{SORT_WORDS[sort]()}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={open()}>
        <div class="list-filter-panel" id="list-filter-panel" role="group" aria-label={t("filterPanel")}>
          <Show when={props.channels.length > 1}>
            {group("channels", t("channel"), props.channels.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })))}
          </Show>
          {group("statuses", t("status"), CONVERSATION_STATUSES.map((s) => ({ value: s, label: statusWord(s) })))}
          {group("priorities", t("priority"), PRIORITIES.map((p) => ({ value: p, label: priorityWord(p) })).reverse())}
          <Show when={props.teams.length > 1}>{group("teamIds", t("team"), props.teams)}</Show>
          <Show when={props.labels.length > 0} fallback={<p class="list-filter-note">{t("noLabels")}</p>}>
            {group("labels", t("label"), props.labels.map((l) => ({ value: l, label: l })))}
          </Show>
        </div>
      </Show>
    </div>
  );
}
