/**
 * The left region: search, saved views, tabs, filters and the conversation list. The list
 * comes from the local database, so it shows offline too; it is windowed (only the rows in
 * view are in the DOM) and moved through with the keyboard. Search looks through every cached
 * message and contact, offline as well.
 */
import type { ListFilter } from "@inbox/shared";
import { activeFilterCount } from "@inbox/shared/domain/list-view";
import { For, Match, onCleanup, Show, Switch } from "solid-js";
import { useAppState } from "../app/index.ts";
import { BulkBar, createPicks, PickAllBox, PickBox, pickKey, type BulkTarget } from "../bulk/index.ts";
import { channelStatusWords, effectiveStatus } from "../format/channel-status.ts";
import { createNow } from "../ui/now.ts";
import { ConversationListItem } from "./ConversationListItem.tsx";
import { FilterTabs } from "./FilterTabs.tsx";
import { ActiveFilters } from "./ActiveFilters.tsx";
import { ListFilters } from "./ListFilters.tsx";
import { t } from "./messages.ts";
import { SavedViews } from "./SavedViews.tsx";
import { VirtualList } from "./VirtualList.tsx";
import { t as ws } from "../ui/workspace-messages.ts";

const EMPTY: Record<ListFilter, () => string> = {
  mine: () => ws("emptyMine"),
  unassigned: () => ws("emptyUnassigned"),
  all: () => ws("emptyAll"),
};

/** Every row has this height (px), so the window is arithmetic; styles.css sizes rows to it. */
export const ROW_HEIGHT = 66;

export function ConversationList() {
  const { conversations, selection, channels, session, local } = useAppState();
  // While mounted, the list's copy is stored promptly (it waits longer while no list is shown).
  onCleanup(conversations.shown());
  const teams = () => session.me()?.teams.map((team) => ({ value: team.id, label: team.name })) ?? [];
  const teamName = (id: string) => teams().find((team) => team.value === id)?.label ?? id;
  const filtered = () => activeFilterCount(conversations.view()) > 0;
  /** The seed's tip for "no new messages": the channel may be the reason. */
  const troubledChannels = () =>
    [...conversations.inboxes().values()]
      .filter((i) => effectiveStatus(i, channels.now()) !== "active")
      .map((i) => `${i.name}: ${channelStatusWords(i, { now: channels.now() })}`);
  // List times ("14:05", "Yesterday") roll over without a new message arriving.
  const now = createNow(60_000);
  const searchActive = () => conversations.query().trim().length > 0;
  // Rows picked for a bulk action: the visible ones, in the list's order.
  const picks = createPicks(() => (searchActive() ? [] : conversations.visibleIds()));
  const targets = (): BulkTarget[] =>
    picks.ids().flatMap((id) => {
      const c = conversations.peek(id);
      return c ? [{ conversationId: c.id, contactName: c.contactName, assigneeId: c.assigneeId, teamId: c.teamId }] : [];
    });

  return (
    <nav class="conv-list-panel" aria-label={ws("conversations")}>
      <div class="panel-head">
        <h2>{ws("conversations")}</h2>
        {/* Here rather than in a bar of its own, so the list keeps its height until rows are picked. */}
        <Show when={!searchActive() && conversations.visible().length > 0}>
          <PickAllBox picks={picks} />
        </Show>
      </div>
      <div class="search-box">
        <input
          type="search"
          class="search-input"
          aria-label={ws("searchConversations")}
          placeholder={ws("searchPlaceholder")}
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
            <SavedViews
              slice={conversations.savedViews}
              current={conversations.view()}
              online={local.browserOnline()}
              unreadFor={conversations.unreadFor}
              onApply={conversations.setView}
            />
            <FilterTabs value={conversations.filter()} counts={conversations.counts()} unread={conversations.unread()} onChange={conversations.setFilter} />
            <ListFilters
              view={conversations.view()}
              onChange={conversations.setView}
              channels={conversations.knownChannels()}
              teams={teams()}
              labels={conversations.knownLabels()}
            />
            <ActiveFilters view={conversations.view()} teamName={teamName} onChange={conversations.setView} />
            <Switch>
              <Match when={conversations.loading()}>
                <p class="list-empty" role="status">
                  Loading conversations…
                </p>
              </Match>
              <Match when={conversations.visible().length === 0}>
                <Show when={filtered()} fallback={<p class="list-empty">{EMPTY[conversations.filter()]()}</p>}>
                  <p class="list-empty">{t("noMatches")}</p>
                </Show>
                <Show when={troubledChannels().length > 0}>
                  <p class="list-empty list-tip">Not every channel is working. {troubledChannels().join("; ")}.</p>
                </Show>
              </Match>
              <Match when={true}>
                <p class="sr-only" id="conv-list-keys">
                  {t("keyboardHint")} {t("pickHint")}
                </p>
                <BulkBar picks={picks} targets={targets} pickAll={false} />
                <VirtualList
                  class="conv-list"
                  label={t("listLabel")}
                  describedBy="conv-list-keys"
                  ids={conversations.visibleIds()}
                  total={conversations.total()}
                  rowHeight={ROW_HEIGHT}
                  preferredId={selection.selectedId()}
                  resetKey={JSON.stringify(conversations.view())}
                  onNeedRows={conversations.ensureRows}
                >
                  {(row) => (
                    <Show when={conversations.peek(row.id)}>
                      {(c) => (
                        <div class="conv-row" classList={{ picked: picks.has(row.id) }} onKeyDown={(e) => pickKey(picks, row.id, e)}>
                          <ConversationListItem
                            conversation={c()}
                            selected={selection.selectedId() === row.id}
                            now={now()}
                            tabIndex={row.tabIndex()}
                            onSelect={() => selection.select(row.id)}
                          />
                          {/* After the row's button (the list's focus target), drawn before it (CSS order). */}
                          <PickBox picks={picks} id={row.id} name={c().contactName} tabIndex={row.tabIndex()} />
                        </div>
                      )}
                    </Show>
                  )}
                </VirtualList>
              </Match>
            </Switch>
          </>
        }
      >
        <p class="search-summary" aria-live="polite">
          {conversations.results() === null
            ? ws("searching")
            : conversations.results()!.length === 0
              ? ws("nothingFound", { query: conversations.query().trim() })
              : conversations.results()!.length === 1
                ? ws("foundOne")
                : ws("foundMany", { count: conversations.results()!.length })}
        </p>
        <ul class="conv-list" aria-label={ws("searchResults")}>
          <For each={conversations.results() ?? []}>
            {(r) => (
              <li>
                <ConversationListItem
                  conversation={r.conversation}
                  preview={r.snippet}
                  selected={selection.selectedId() === r.conversation.id}
                  now={now()}
                  onSelect={() => selection.select(r.conversation.id)}
                />
              </li>
            )}
          </For>
        </ul>
      </Show>
    </nav>
  );
}
