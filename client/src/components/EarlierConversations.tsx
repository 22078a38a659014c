/** The contact's other conversations, on any channel; each opens in the chat window. */
import type { Conversation } from "@inbox/shared";
import { For, Show } from "solid-js";
import { formatListTime } from "../format/time.ts";
import { ChannelBadge } from "./ChannelBadge.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

export function EarlierConversations(props: {
  conversations: Conversation[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  return (
    <section class="info-section" aria-labelledby="info-history-title">
      <h3 id="info-history-title">Earlier conversations</h3>
      <Show
        when={props.conversations.length > 0}
        fallback={<p class="muted small">{props.loading ? "Loading…" : "This is their first conversation."}</p>}
      >
        <ul class="history-list">
          <For each={props.conversations}>
            {(c) => (
              <li>
                <button type="button" class="history-item" onClick={() => props.onOpen(c.id)}>
                  <span class="history-top">
                    <ChannelBadge channel={c.channel} />
                    <StatusBadge status={c.status} />
                    <span class="history-time">{formatListTime(c.lastActivityAt)}</span>
                  </span>
                  <span class="history-preview">{c.lastMessagePreview || "No messages"}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
