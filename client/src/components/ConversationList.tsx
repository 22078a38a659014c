/** The left region: filters and the live list of conversations from every team room. */
import type { ListFilter } from "@inbox/shared";
import { For, Match, Switch } from "solid-js";
import { useAppState } from "../state/app-state.tsx";
import { createNow } from "./now.ts";
import { ConversationListItem } from "./ConversationListItem.tsx";
import { FilterTabs } from "./FilterTabs.tsx";

const EMPTY: Record<ListFilter, string> = {
  mine: "No conversations are assigned to you.",
  unassigned: "Nothing waiting: every open conversation has an agent.",
  all: "No conversations yet. New messages from any channel appear here.",
};

export function ConversationList() {
  const { conversations, selection } = useAppState();
  // List times ("14:05", "Yesterday") roll over without a new message arriving.
  const now = createNow(60_000);
  return (
    <nav class="conv-list-panel" aria-label="Conversations">
      <div class="panel-head">
        <h2>Conversations</h2>
      </div>
      <FilterTabs value={conversations.filter()} counts={conversations.counts()} onChange={conversations.setFilter} />
      <Switch>
        <Match when={conversations.loading()}>
          <p class="list-empty" role="status">
            Loading conversations…
          </p>
        </Match>
        <Match when={conversations.visible().length === 0}>
          <p class="list-empty">{EMPTY[conversations.filter()]}</p>
        </Match>
        <Match when={true}>
          <ul class="conv-list">
            <For each={conversations.visible()}>
              {(c) => (
                <ConversationListItem
                  conversation={c}
                  selected={selection.selectedId() === c.id}
                  now={now()}
                  onSelect={() => selection.select(c.id)}
                />
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </nav>
  );
}
