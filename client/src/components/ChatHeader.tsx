/**
 * Who the chat is with, its status and assignee, and the agent's commands on it: assign,
 * resolve/reopen, status and priority. Each is queued in the outbox and shows at once, online
 * or not.
 */
import type { Conversation, ConversationStatus, Priority } from "@inbox/shared";
import { For, Show } from "solid-js";
import { effectiveStatus } from "../format/channel-status.ts";
import { CONVERSATION_STATUSES, PRIORITIES } from "../format/choices.ts";
import { assigneeLabel, PRIORITY_LABELS, STATUS_LABELS } from "../format/labels.ts";
import { useAppState } from "../state/app-state.tsx";
import { Avatar } from "./Avatar.tsx";
import { ChannelBadge } from "./ChannelBadge.tsx";
import { ChannelStatusBadge } from "./ChannelStatusBadge.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";

export function ChatHeader(props: { conversation: Conversation; infoOpen: boolean; onToggleInfo: () => void }) {
  const { session, users, selection, channels } = useAppState();
  /** The channel's state, when it is not simply working ("No new messages? Check the channel status."). */
  const troubled = () => {
    const inbox = selection.inbox();
    return inbox && effectiveStatus(inbox, channels.now()) !== "active" ? inbox : null;
  };
  const c = () => props.conversation;
  const meId = () => session.me()?.user.id ?? "";
  return (
    <header class="chat-header">
      <button type="button" class="btn btn-ghost back-button" onClick={() => selection.select(null)}>
        <span aria-hidden="true">←</span>
        <span class="sr-only">Back to conversations</span>
      </button>
      <Avatar name={c().contactName} size="lg" />
      <div class="chat-title">
        <h2>{c().contactName}</h2>
        <p class="chat-subtitle">
          <ChannelBadge channel={c().channel} />
          <Show when={troubled()}>{(inbox) => <ChannelStatusBadge inbox={inbox()} now={channels.now()} />}</Show>
          <StatusBadge status={c().status} />
          <span class="chat-assignee">
            Assignee: <strong>{assigneeLabel(c().assigneeId, meId(), users.nameOf)}</strong>
          </span>
        </p>
      </div>
      <div class="chat-actions">
        <Show when={c().assigneeId !== meId()}>
          <button type="button" class="btn" onClick={() => void selection.assignToMe()}>
            Assign to me
          </button>
        </Show>
        <Show
          when={c().status === "resolved"}
          fallback={
            <button type="button" class="btn btn-primary" onClick={() => void selection.resolve()}>
              Resolve
            </button>
          }
        >
          <button type="button" class="btn" onClick={() => void selection.reopen()}>
            Reopen
          </button>
        </Show>
        <select
          class="select"
          aria-label="Status"
          onChange={(e) => void selection.setStatus(e.currentTarget.value as ConversationStatus)}
        >
          <For each={CONVERSATION_STATUSES}>
            {(s) => (
              <option value={s} selected={c().status === s}>
                {STATUS_LABELS[s]}
              </option>
            )}
          </For>
        </select>
        <select
          class="select"
          aria-label="Priority"
          onChange={(e) => void selection.setPriority(e.currentTarget.value as Priority)}
        >
          <For each={PRIORITIES}>
            {(p) => (
              <option value={p} selected={c().priority === p}>
                {PRIORITY_LABELS[p]}
              </option>
            )}
          </For>
        </select>
        <button
          type="button"
          class="btn btn-ghost info-toggle"
          aria-expanded={props.infoOpen}
          aria-controls="customer-info"
          onClick={() => props.onToggleInfo()}
        >
          Customer info
        </button>
      </div>
      <ErrorMessage message={selection.commandError()} class="chat-error" />
    </header>
  );
}
