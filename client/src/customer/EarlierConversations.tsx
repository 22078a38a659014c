/** The contact's other conversations, on any channel; each opens in the chat window. */
import type { Conversation } from "@inbox/shared";
import { For, Show } from "solid-js";
import { StatusBadge } from "../conversation/index.ts";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { formatListTime } from "../format/time.ts";
import { ChannelBadge } from "../ui/ChannelBadge.tsx";
import { t } from "./messages.ts";

export function EarlierConversations(props: {
  conversations: Conversation[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  return (
    <section class="info-section" aria-labelledby="info-history-title">
      <h3 id="info-history-title">{t("earlier")}</h3>
      <Show
        when={props.conversations.length > 0}
        fallback={<p class="muted small">{props.loading ? t("loading") : t("firstConversation")}</p>}
      >
        <ul class="history-list">
          <For each={props.conversations}>
            {(c) => (
              <li>
                <button
                  type="button"
                  class="history-item"
                  title={t("openEarlier", { channel: CHANNEL_LABELS[c.channel], time: formatListTime(c.lastActivityAt) })}
                  onClick={() => props.onOpen(c.id)}
                >
                  <span class="history-top">
                    <ChannelBadge channel={c.channel} />
                    <StatusBadge status={c.status} />
                    <span class="history-time">{formatListTime(c.lastActivityAt)}</span>
                  </span>
                  <span class="history-preview">{c.lastMessagePreview || t("noMessages")}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
