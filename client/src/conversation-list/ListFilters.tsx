/**
 * The list's filters beyond the tabs, in a panel the "Filters" button opens (checkboxes per
 * kind: choices of one kind are alternatives; ListFilterPanel.tsx), and the sort, always in sight.
 */
import type { ChannelType } from "@inbox/shared";
import { LIST_SORTS, activeFilterCount, type ListSort, type ListView } from "@inbox/shared/domain/list-view";
import { createSignal, For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { onDemand } from "../ui/on-demand.ts";
import { t } from "./messages.ts";

// The panel is a chunk of its own, not part of the inbox's first load (issue 17).
const panel = onDemand(() => import("./ListFilterPanel.tsx"));

/** Fetched once the list has drawn, so the first "Filters" (offline too) finds it. */
export function preloadFilterPanel(): void {
  panel.load().catch((err: unknown) => console.warn("Could not load the filter panel", err));
}

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
  return (
    <div class="list-filters">
      <div class="list-filters-bar">
        <button
          type="button"
          class="btn btn-ghost list-filters-toggle"
          aria-expanded={open()}
          aria-controls="list-filter-panel"
          onClick={() => {
            if (!open()) preloadFilterPanel();
            setOpen(!open());
          }}
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
      <Show when={open() && panel.ready()}>
        {(m) => <Dynamic component={m().ListFilterPanel} view={props.view} onChange={props.onChange} channels={props.channels} teams={props.teams} labels={props.labels} />}
      </Show>
    </div>
  );
}
