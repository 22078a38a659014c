/**
 * The conversation's history, oldest first, with day dividers, a "New messages" marker and
 * the agents' internal notes woven in by time. Follows the newest entry while the agent is at
 * the bottom (or just sent something); when they have scrolled up to read older messages it
 * stays put and offers a "Jump to newest" button.
 */
import type { Message, Note } from "@inbox/shared";
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { dayKey, formatDay } from "../format/time.ts";
import { createTimelineItems, startsNewDay } from "../state/timeline.ts";
import { MessageBubble } from "./MessageBubble.tsx";
import { NoteBubble } from "./NoteBubble.tsx";

/** Within this many pixels of the bottom counts as "at the bottom". */
const STICK_THRESHOLD = 80;

export function Timeline(props: {
  conversationId: string;
  messages: Message[];
  notes: Note[];
  firstUnreadId: string | null;
  /** Replies waiting in the outbox say "Will send when online". */
  offline: boolean;
}) {
  let scroller!: HTMLDivElement;
  const [atBottom, setAtBottom] = createSignal(true);
  let stick = true;
  const toItems = createTimelineItems();
  const items = createMemo(() => toItems(props.messages, props.notes));

  const scrollToBottom = () => {
    scroller.scrollTop = scroller.scrollHeight;
    stick = true;
    setAtBottom(true);
  };
  const onScroll = () => {
    stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < STICK_THRESHOLD;
    setAtBottom(stick);
  };

  // Opening a conversation: show the first unread message if any, else the newest.
  createEffect(
    on(
      () => props.conversationId,
      () => {
        stick = true;
        queueMicrotask(() => {
          const marker = scroller.querySelector<HTMLElement>(".unread-marker");
          if (marker) marker.scrollIntoView({ block: "start" });
          else scrollToBottom();
          onScroll();
        });
      },
    ),
  );

  // New entries: follow them if we were at the bottom, or if the newest is our own.
  createEffect(
    on(
      () => items()[items().length - 1]?.id,
      (lastId, prevId) => {
        if (lastId === prevId) return;
        const last = items()[items().length - 1];
        const own = last && (last.kind === "note" || (last.message.senderKind === "agent" && last.message.status === "queued"));
        if (stick || own) queueMicrotask(scrollToBottom);
      },
      { defer: true },
    ),
  );

  // The box shrinks when something appears under it (e.g. a channel notice above the composer):
  // stay at the newest message if we were there.
  onMount(() => {
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (stick) scroller.scrollTop = scroller.scrollHeight;
    });
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });

  // Images load after layout and push the bottom down.
  const onMediaLoad = () => {
    if (stick) scrollToBottom();
  };

  return (
    <div class="timeline-wrap">
      {/* A log: screen readers announce messages as they arrive. Focusable so keyboard users can scroll it. */}
      <div class="timeline" ref={scroller} onScroll={onScroll} role="log" aria-label="Messages" tabIndex={0}>
        <Show when={items().length > 0} fallback={<p class="timeline-empty">No messages yet.</p>}>
          <ol class="timeline-list">
            <For each={items()}>
              {(item, i) => (
                <>
                  <Show when={startsNewDay(items(), i(), (t) => dayKey(t))}>
                    <li class="day-divider">
                      <span>{formatDay(item.createdAt)}</span>
                    </li>
                  </Show>
                  {item.kind === "note" ? (
                    <NoteBubble note={item.note} />
                  ) : (
                    <>
                      <Show when={item.id === props.firstUnreadId}>
                        <li class="unread-marker">
                          <span>New messages</span>
                        </li>
                      </Show>
                      <MessageBubble message={item.message} offline={props.offline} onMediaLoad={onMediaLoad} />
                    </>
                  )}
                </>
              )}
            </For>
          </ol>
        </Show>
      </div>
      <Show when={!atBottom()}>
        <button type="button" class="btn jump-to-newest" onClick={scrollToBottom}>
          Jump to newest
        </button>
      </Show>
    </div>
  );
}
