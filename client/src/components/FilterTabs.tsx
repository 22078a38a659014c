/**
 * Mine / Unassigned / All. Toggle buttons (aria-pressed) rather than ARIA tabs: they filter one
 * list instead of switching between panels. The count is a description, so the button's name
 * stays exactly "Mine", "Unassigned" or "All".
 */
import { LIST_FILTERS, type ListFilter } from "@inbox/shared";
import { For } from "solid-js";

const LABELS: Record<ListFilter, string> = { mine: "Mine", unassigned: "Unassigned", all: "All" };

export function FilterTabs(props: {
  value: ListFilter;
  counts: Record<ListFilter, number>;
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
            aria-describedby={`filter-count-${filter}`}
            onClick={() => props.onChange(filter)}
          >
            {LABELS[filter]}
            <span class="filter-count" id={`filter-count-${filter}`} aria-hidden="true">
              {props.counts[filter]}
            </span>
          </button>
        )}
      </For>
    </div>
  );
}
