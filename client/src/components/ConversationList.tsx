/**
 * The left region: search, filters and the conversation list. The list comes from the local
 * database, so it shows offline too; it renders the first rows and adds more as the agent
 * scrolls. Search looks through every cached message and contact, offline as well.
 */
import type { ListFilter } from "@inbox/shared";
import { For, Match, Show, Switch } from "solid-js";
import { channelStatusWords, effectiveStatus } from "../format/channel-status.ts";
import { useAppState } from "../state/app-state.tsx";
import { createNow } from "./now.ts";
import { ConversationListItem } from "./ConversationListItem.tsx";
import { FilterTabs } from "./FilterTabs.tsx";

const EMPTY: Record<ListFilter, string> = {
  mine: "No conversations are assigned to you.",
  unassigned: "Nothing waiting: every open conversation has an agent.",
  all: "No conversations yet. New messages from any channel appear here.",
};

/** Load the next rows when the agent scrolls within this many pixels of the end. */
const MORE_THRESHOLD = 600;

export function ConversationList() {
  const { conversations, selection, channels } = useAppState();
  /** The seed's tip for "no new messages": the channel may be the reason. */
  const troubledChannels = () =>
    [...conversations.inboxes().values()]
      .filter((i) => effectiveStatus(i, channels.now()) !== "active")
      .map((i) => `${i.name}: ${channelStatusWords(i, { now: channels.now() })}`);
  // List times ("14:05", "Yesterday") roll over without a new message arriving.
  const now = createNow(60_000);
  const searchActive = () => conversations.query().trim().length > 0;

  const onScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    if (conversations.hasMore() && el.scrollHeight - el.scrollTop - el.clientHeight < MORE_THRESHOLD) conversations.showMore();
  };

  return (
    <nav class="conv-list-panel" aria-label="Conversations">
      <div class="panel-head">
        <h2>Conversations</h2>
      </div>
      <div class="search-box">
        <input
          type="search"
          class="search-input"
          aria-label="Search conversations"
          placeholder="Search messages and contacts"
          value={conversations.query()}
          onInput={(e) => conversations.setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") conversations.setQuery("");
          }}
        />
      </div>
      <Show
        when={searchActive()}
        fallback={
          <>
            <FilterTabs value={conversations.filter()} counts={conversations.counts()} onChange={conversations.setFilter} />
            <Switch>
              <Match when={conversations.loading()}>
                <p class="list-empty" role="status">
                  Loading conversations…
                </p>
              </Match>
              <Match when={conversations.visible().length === 0}>
                <p class="list-empty">{EMPTY[conversations.filter()]}</p>
                <Show when={troubledChannels().length > 0}>
                  <p class="list-empty list-tip">Not every channel is working. {troubledChannels().join("; ")}.</p>
                </Show>
              </Match>
              <Match when={true}>
                <ul class="conv-list" onScroll={onScroll}>
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
                  <Show when={conversations.hasMore()}>
                    <li class="list-more">
                      <button type="button" class="btn btn-ghost" onClick={() => conversations.showMore()}>
                        Show more conversations
                      </button>
                    </li>
                  </Show>
                </ul>
              </Match>
            </Switch>
          </>
        }
      >
        <p class="search-summary" aria-live="polite">
          {conversations.results() === null
            ? "Searching…"
            : conversations.results()!.length === 0
              ? `Nothing found for “${conversations.query().trim()}” on this device.`
              : `${conversations.results()!.length} ${conversations.results()!.length === 1 ? "conversation" : "conversations"} found`}
        </p>
        <ul class="conv-list" aria-label="Search results">
          <For each={conversations.results() ?? []}>
            {(r) => (
              <ConversationListItem
                conversation={r.conversation}
                preview={r.snippet}
                selected={selection.selectedId() === r.conversation.id}
                now={now()}
                onSelect={() => selection.select(r.conversation.id)}
              />
            )}
          </For>
        </ul>
      </Show>
    </nav>
  );
}
