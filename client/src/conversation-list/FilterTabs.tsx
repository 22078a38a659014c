/**
 * Mine / Unassigned / All. Toggle buttons (aria-pressed) rather than ARIA tabs: they filter one
 * list instead of switching between panels. The counts are a description, so the button's name
 * stays exactly "Mine", "Unassigned" or "All".
 */
import { LIST_FILTERS, type ListFilter } from "@inbox/shared";
import { For, Show } from "solid-js";
import { t } from "./messages.ts";

const LABELS: Record<ListFilter, string> = { mine: "Mine", unassigned: "Unassigned", all: "All" };

export function FilterTabs(props: {
  value: ListFilter;
  counts: Record<ListFilter, number>;
  /** Conversations with something unread, per tab. */
  unread: Record<ListFilter, number>;
  onChange: (filter: ListFilter) => void;
}) {
  return (
    <div class="filter-tabs" role="group" aria-label="Filter conversations">
      <For each={LIST_FILTERS}>
        {(filter) => (
          <button
            type="button"
            class="filter-tab"
            aria-pressed={props.value === filter}
            aria-describedby={`filter-count-${filter} filter-unread-${filter}`}
            onClick={() => props.onChange(filter)}
          >
            {LABELS[filter]}
            <span class="filter-count" id={`filter-count-${filter}`} aria-hidden="true">
              {props.counts[filter]}
            </span>
            <Show when={props.unread[filter] > 0}>
              <span class="filter-unread" aria-hidden="true" title={t("unreadInTab", { count: props.unread[filter] })}>
                {props.unread[filter]}
              </span>
            </Show>
            {/* Hidden, still read as the button's description ("3 unread"). */}
            <span id={`filter-unread-${filter}`} hidden>
              {props.unread[filter] > 0 ? t("unreadInTab", { count: props.unread[filter] }) : ""}
            </span>
          </button>
        )}
      </For>
    </div>
  );
}
