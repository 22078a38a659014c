/**
 * Mine / Unassigned / All. Toggle buttons (aria-pressed) rather than ARIA tabs: they filter one
 * list instead of switching between panels. One number each, the tab's conversations; that some
 * are unread is a dot whose tooltip and description say how many (two bare numbers side by
 * side read as noise). The counts are a description, so the name stays "Mine" / "Minhas"…
 */
import { LIST_FILTERS, type ListFilter } from "@inbox/shared";
import { For, Show } from "solid-js";
import { t } from "./messages.ts";

export function FilterTabs(props: {
  value: ListFilter;
  counts: Record<ListFilter, number>;
  /** Conversations with something unread, per tab. */
  unread: Record<ListFilter, number>;
  onChange: (filter: ListFilter) => void;
}) {
  return (
    <div class="filter-tabs" role="group" aria-label={t("filterGroup")}>
      <For each={LIST_FILTERS}>
        {(filter) => (
          <button
            type="button"
            class="filter-tab"
            aria-pressed={props.value === filter}
            aria-describedby={`filter-count-${filter}`}
            title={props.unread[filter] > 0 ? t("tabSummaryUnread", { count: props.counts[filter], unread: props.unread[filter] }) : t("tabSummary", { count: props.counts[filter] })}
            onClick={() => props.onChange(filter)}
          >
            {t(`tab_${filter}`)}
            <span class="filter-count" aria-hidden="true">
              {props.counts[filter]}
            </span>
            <Show when={props.unread[filter] > 0}>
              <span class="filter-unread-dot" aria-hidden="true" />
            </Show>
            {/* Hidden, still read as the button's description ("7 conversations, 2 unread"). */}
            <span id={`filter-count-${filter}`} hidden>
              {props.unread[filter] > 0 ? t("tabSummaryUnread", { count: props.counts[filter], unread: props.unread[filter] }) : t("tabSummary", { count: props.counts[filter] })}
            </span>
          </button>
        )}
      </For>
    </div>
  );
}
