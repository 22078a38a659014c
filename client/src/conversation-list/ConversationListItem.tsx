/**
 * One row of the list: who, where, what was said last, when, and how much is unread. Just the
 * button: the list around it gives it its list item (and its place in a windowed list).
 */
import type { Conversation } from "@inbox/shared";
import { waitingSince } from "@inbox/shared/domain/list-view";
import { Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { formatDateTime, formatListTime } from "../format/time.ts";
import { PresenceMarker } from "../presence/index.ts";
import { OfferedMarker } from "../routing/index.ts";
import { SlaCountdown } from "../sla/index.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { ChannelBadge } from "../ui/ChannelBadge.tsx";
import { t } from "./messages.ts";
import { waitingWords } from "./waiting.ts";
import { priorityWord } from "../format/status-words.ts";
import { t as ws } from "../ui/workspace-messages.ts";

export function ConversationListItem(props: {
  conversation: Conversation;
  selected: boolean;
  now: number;
  onSelect: () => void;
  /** Shown instead of the last message, e.g. the message a search matched. */
  preview?: string | null;
  /** The list's roving tab stop: 0 for one row, -1 for the rest. */
  tabIndex?: number;
}) {
  const c = () => props.conversation;
  const { users, session } = useAppState();
  // Whose chat it is, when it is someone else's (supervisors moving chats see where they went).
  const holder = () => {
    const id = c().assigneeId;
    return id && id !== session.me()?.user.id ? (users.nameOf(id) ?? null) : null;
  };
  return (
    <button
      type="button"
      class="conv-item"
      tabIndex={props.tabIndex}
      classList={{ unread: c().unreadCount > 0, resolved: c().status === "resolved" }}
      aria-current={props.selected ? "true" : undefined}
      onClick={() => props.onSelect()}
    >
      <Avatar name={c().contactName} />
      <span class="conv-item-body">
        <span class="conv-item-top">
          <span class="conv-item-name">{c().contactName}</span>
          <PresenceMarker conversationId={c().id} />
          <Show when={holder()}>
            {(name) => (
              <span class="conv-item-assignee" title={t("assignedTo", { name: name() })}>
                <span class="sr-only">{t("assignedTo", { name: name() })}</span>
                <span aria-hidden="true">{name().split(" ")[0]}</span>
              </span>
            )}
          </Show>
          <time class="conv-item-time" datetime={new Date(c().lastActivityAt).toISOString()} title={formatDateTime(c().lastActivityAt)}>
            {formatListTime(c().lastActivityAt, { now: props.now })}
          </time>
        </span>
        <span class="conv-item-bottom">
          <ChannelBadge channel={c().channel} />
          <Show when={c().priority === "urgent" || c().priority === "high"}>
            <span class="conv-item-priority" data-priority={c().priority}>
              {priorityWord(c().priority)}
            </span>
          </Show>
          <OfferedMarker conversation={c()} />
          <Show when={c().helpRequestedAt}>
            <span class="conv-item-hand" role="img" aria-label={t("handRaised")} title={t("handRaised")}>
              ✋
            </span>
          </Show>
          <Show when={c().sla}>{(sla) => <SlaCountdown sla={sla()} />}</Show>
          <Show when={waitingSince(c())}>
            {(since) => (
              <span class="conv-item-waiting" title={t("waitingSince", { time: formatDateTime(since()) })}>
                {waitingWords(since(), props.now)}
              </span>
            )}
          </Show>
          <span class="conv-item-preview">{props.preview || c().lastMessagePreview || ws("noMessagesYet")}</span>
          <Show when={c().unreadCount > 0}>
            <span class="unread-badge">
              {c().unreadCount}
              <span class="sr-only">{ws("unreadSuffix")}</span>
            </span>
          </Show>
        </span>
      </span>
    </button>
  );
}
