/**
 * The conversation's history, oldest first: messages, the agents' internal notes and the
 * recorded changes (assignment and why, pickups, status, priority, labels), with day dividers
 * and a "New messages" marker where the agent's unread started. Follows the newest entry while
 * the agent is at the bottom (or just sent something); scrolled up, it stays put, counts what
 * arrives on a "new messages" button, and loads earlier messages as the agent nears the top
 * without moving what they are reading.
 */
import type { Message, Note } from "@inbox/shared";
import { latestRatingLike } from "@inbox/shared/domain/csat";
import { createEffect, createMemo, createSignal, For, Match, on, onCleanup, onMount, Show, Switch, untrack } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { safeUrl } from "../../format/safe-url.ts";
import { dayKey, formatDay } from "../../format/time.ts";
import { countNewSince, createTimelineItems, linkChoiceAnswers, startsNewDay } from "./timeline.ts";
import { createConversationEvents } from "./conversation-events.ts";
import { EventRow } from "./EventRow.tsx";
import { ImageViewer, type ViewerImage } from "./ImageViewer.tsx";
import { ChatMediaContext } from "./media-context.ts";
import { t } from "./messages.ts";
import type { FindKept } from "./local-media.ts";
import { createOlderMessages } from "./older-messages.ts";
import { findKept as findKeptFile, keptStoreOf } from "../../sync/kept-uploads.ts";
import { MessageBubble } from "./MessageBubble.tsx";
import { NoteBubble } from "./NoteBubble.tsx";

/** Within this many pixels of the bottom counts as "at the bottom". */
const STICK_THRESHOLD = 80;
/** Nearer the top than this, earlier messages are fetched. */
const LOAD_OLDER_THRESHOLD = 200;

export function Timeline(props: {
  conversationId: string;
  messages: Message[];
  notes: Note[];
  firstUnreadId: string | null;
  /** Replies waiting in the outbox say "Will send when online". */
  offline: boolean;
}) {
  const { local, selection, session } = useAppState();
  let scroller!: HTMLDivElement;
  let list: HTMLOListElement | undefined;
  const [atBottom, setAtBottom] = createSignal(true);
  const [unseen, setUnseen] = createSignal(0);
  let stick = true;
  /** Where the box was when we last knew: set by us or seen in a scroll event. */
  let knownTop = 0;
  /**
   * Scroll events arrive a frame late: rows landing in between would see a stale "at the
   * bottom" and pull the agent back down. Scrolled up further than the threshold since we last
   * knew means they left it (a few pixels may be the browser's own scroll anchoring).
   */
  const stillAtBottom = () => {
    if (stick && scroller.scrollTop < knownTop - STICK_THRESHOLD) stick = false;
    return stick;
  };

  const online = () => !props.offline;
  const history = createConversationEvents({
    conversationId: props.conversationId,
    db: local.db,
    online,
    version: () => {
      const c = selection.conversation();
      // Supervision's changes too: a transfer (team) and a raised or lowered hand are history lines;
      // and a customer's message that may be a rating (it changes nothing else about the chat).
      return c ? `${c.status}|${c.assigneeId}|${c.priority}|${c.labels.join(",")}|${c.snoozedUntil}|${c.teamId}|${c.helpRequestedAt}|${latestRatingLike(props.messages)}` : "";
    },
  });
  const older = createOlderMessages({ conversationId: props.conversationId, messages: () => props.messages, db: local.db, online });

  const toItems = createTimelineItems();
  const items = createMemo(() => toItems(props.messages, props.notes, history.events()));
  const choices = createMemo(() => linkChoiceAnswers(props.messages));
  const meId = () => session.me()?.user.id;
  const isOwn = (m: Message) => m.senderKind === "agent" && (m.senderId === meId() || m.id.startsWith("pending-"));

  // ---------- images and their viewer ----------
  const images = createMemo((): ViewerImage[] =>
    props.messages.flatMap((m) => {
      if (m.content.kind !== "image") return [];
      const url = safeUrl(m.content.url, location.href);
      return url ? [{ messageId: m.id, url, alt: m.content.caption ?? t("imageFrom", { name: m.senderName }), caption: m.content.caption ?? null }] : [];
    }),
  );
  const [viewing, setViewing] = createSignal<string | null>(null);
  const findKept: FindKept = async (url) => {
    const db = local.db();
    return db ? findKeptFile(keptStoreOf(db), url) : null;
  };

  // ---------- scrolling ----------
  /** The first row in view and how far from the top of the box it is, to keep it in place. */
  let anchor: { el: Element; offset: number } | null = null;
  const boxTop = () => scroller.getBoundingClientRect().top;
  const captureAnchor = () => {
    anchor = null;
    if (!list) return;
    const top = boxTop();
    for (const el of Array.from(list.children)) {
      // Day dividers and the unread marker come and go as rows arrive above them (the first
      // row's divider moves to the new first row): a gone anchor could not be kept in place.
      if (el.matches(".day-divider, .unread-marker")) continue;
      const rect = el.getBoundingClientRect();
      if (rect.bottom > top) {
        anchor = { el, offset: rect.top - top };
        return;
      }
    }
  };
  const restoreAnchor = () => {
    // Moved since we last knew (a scroll not reported yet, or the browser's own anchoring):
    // the row taken before would put the agent back where they were, so take the one in view.
    if (scroller.scrollTop !== knownTop) {
      captureAnchor();
      return;
    }
    if (!anchor || !anchor.el.isConnected) return;
    const moved = anchor.el.getBoundingClientRect().top - boxTop() - anchor.offset;
    if (Math.abs(moved) > 0.5) {
      scroller.scrollTop += moved;
      knownTop = scroller.scrollTop;
    }
  };

  const followBottom = () => {
    scroller.scrollTop = scroller.scrollHeight;
    knownTop = scroller.scrollTop;
  };
  const scrollToBottom = () => {
    followBottom();
    stick = true;
    setAtBottom(true);
    setUnseen(0);
  };
  /** Near the top: fetch the page before. After a failure only the button tries again. */
  const maybeLoadOlder = () => {
    if (scroller.scrollTop > LOAD_OLDER_THRESHOLD || older.loading() || older.reachedStart() || older.error()) return;
    captureAnchor();
    void older.load();
  };
  let anchorFrame = 0;
  const onScroll = () => {
    knownTop = scroller.scrollTop;
    stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < STICK_THRESHOLD;
    setAtBottom(stick);
    if (stick) setUnseen(0);
    if (!anchorFrame)
      anchorFrame = requestAnimationFrame(() => {
        anchorFrame = 0;
        captureAnchor();
      });
    maybeLoadOlder();
  };
  onCleanup(() => cancelAnimationFrame(anchorFrame));

  // Opening a conversation: show the first unread message if any, else the newest.
  onMount(() => {
    queueMicrotask(() => {
      const marker = scroller.querySelector<HTMLElement>(".unread-marker");
      // Scroll the box only (scrollIntoView would also scroll the page around it).
      if (marker) scroller.scrollTop += marker.getBoundingClientRect().top - boxTop();
      else scrollToBottom();
      onScroll();
    });
  });

  // New rows: follow them at the bottom (or when the newest is our own); otherwise count them
  // and keep what the agent is reading where it is (rows added above it, e.g. earlier messages).
  createEffect(
    on(
      () => items()[items().length - 1]?.id,
      (lastId, prevId) => {
        if (lastId === prevId) return;
        const all = untrack(items);
        const last = all[all.length - 1];
        const own = last && (last.kind === "note" || (last.kind === "message" && isOwn(last.message)));
        if (stillAtBottom() || own) queueMicrotask(scrollToBottom);
        else setUnseen((n) => n + countNewSince(all, prevId, isOwn));
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      items,
      () => {
        if (stillAtBottom()) followBottom();
        else restoreAnchor();
        // A short history leaves nothing to scroll: keep fetching until the box fills or the start.
        queueMicrotask(maybeLoadOlder);
      },
      { defer: true },
    ),
  );

  // Already at the top when the page could not be asked for (offline, database opening, a
  // page in flight): no scroll event will come, so ask again when that changes.
  createEffect(on([online, local.db, older.loading], () => queueMicrotask(maybeLoadOlder), { defer: true }));

  // The box shrinks when something appears under it (e.g. a channel notice above the composer):
  // stay at the newest message if we were there.
  onMount(() => {
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (stillAtBottom()) followBottom();
    });
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });

  // Images load after layout and push the bottom down.
  const onMediaLoad = () => {
    if (stick) scrollToBottom();
  };

  const jumpLabel = () => (unseen() === 0 ? t("jumpToNewest") : unseen() === 1 ? t("newMessagesOne") : t("newMessagesMany", { count: unseen() }));

  return (
    <ChatMediaContext.Provider value={{ openImage: setViewing, findKept }}>
      <div class="timeline-wrap">
        {/* A log: screen readers announce messages as they arrive. Focusable so keyboard users can scroll it. */}
        <div class="timeline" ref={scroller} onScroll={onScroll} role="log" aria-label={t("log")} tabIndex={0}>
          <Show when={items().length > 0} fallback={<p class="timeline-empty">{t("empty")}</p>}>
            <div class="timeline-older" aria-live="polite">
              <Switch
                fallback={
                  <button type="button" class="btn btn-small" onClick={() => (captureAnchor(), void older.load())}>
                    {t("loadOlder")}
                  </button>
                }
              >
                <Match when={older.reachedStart()}>
                  <span class="muted">{t("startOfConversation")}</span>
                </Match>
                <Match when={older.loading()}>
                  <span class="muted" role="status">
                    {t("loadingOlder")}
                  </span>
                </Match>
                <Match when={props.offline}>
                  <span class="muted">{t("olderOffline")}</span>
                </Match>
                <Match when={older.error()}>
                  {(err) => (
                    <>
                      <span class="muted">{t("olderFailed", { reason: err() })}</span>{" "}
                      <button type="button" class="btn btn-small" onClick={() => (captureAnchor(), void older.load())}>
                        {t("loadOlder")}
                      </button>
                    </>
                  )}
                </Match>
              </Switch>
            </div>
            <ol class="timeline-list" ref={list}>
              <For each={items()}>
                {(item, i) => (
                  <>
                    <Show when={startsNewDay(items(), i(), (at) => dayKey(at))}>
                      <li class="day-divider">
                        <span>{formatDay(item.createdAt)}</span>
                      </li>
                    </Show>
                    {item.kind === "note" ? (
                      <NoteBubble note={item.note} />
                    ) : item.kind === "event" ? (
                      <EventRow event={item.event} />
                    ) : (
                      <>
                        <Show when={item.id === props.firstUnreadId}>
                          <li class="unread-marker">
                            <span>{t("unreadMarker")}</span>
                          </li>
                        </Show>
                        <MessageBubble
                          message={item.message}
                          offline={props.offline}
                          onMediaLoad={onMediaLoad}
                          answer={choices().answers.get(item.id) ?? null}
                          chosenId={choices().chosen.get(item.id) ?? null}
                          db={local.db()}
                          onRetried={history.refresh}
                        />
                      </>
                    )}
                  </>
                )}
              </For>
            </ol>
          </Show>
        </div>
        <Show when={!atBottom()}>
          <button type="button" class="btn jump-to-newest" classList={{ "jump-has-new": unseen() > 0 }} onClick={scrollToBottom}>
            <span aria-hidden="true">↓ </span>
            {jumpLabel()}
          </button>
        </Show>
      </div>
      <ImageViewer images={images()} openId={viewing()} onOpen={setViewing} onClose={() => setViewing(null)} />
    </ChatMediaContext.Provider>
  );
}
