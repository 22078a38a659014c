/**
 * Who the chat is with, its status and assignee, who else is on it, and the agent's commands:
 * assign, resolve/reopen, snooze until a time, status and priority; supervisors also assign to
 * a chosen person, transfer to another team and join (intervene/). Each is queued in the outbox
 * and shows at once, online or not. The keyboard shortcuts reach the same controls.
 */
import { can, type Conversation, type ConversationStatus, type Priority } from "@inbox/shared";
import { For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { effectiveStatus } from "../format/channel-status.ts";
import { PRIORITIES } from "../format/choices.ts";
import { formatDateTime } from "../format/time.ts";
import { PresenceNote } from "../presence/index.ts";
import { focusComposer } from "../shortcuts/composer-focus.ts";
import { useShortcuts } from "../shortcuts/registry.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { contactAvatarSrc } from "../format/avatar-src.ts";
import { ChannelBadge } from "../ui/ChannelBadge.tsx";
import { ChannelStatusBadge } from "../ui/ChannelStatusBadge.tsx";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { SlaCountdown } from "../sla/index.ts";
import { t } from "./messages.ts";
import { SnoozeMenu, type SnoozeMenuHandle } from "./SnoozeMenu.tsx";
import { AssignMenu } from "./intervene/AssignMenu.tsx";
import { TransferMenu } from "./intervene/TransferMenu.tsx";

/** Snoozing has its own menu (it needs a time); the select offers the other statuses. */
const SELECTABLE_STATUSES: readonly ConversationStatus[] = ["open", "pending", "resolved"];

export function ChatHeader(props: { conversation: Conversation; infoOpen: boolean; onToggleInfo: () => void }) {
  const { session, users, selection, channels } = useAppState();
  /** The channel's state, when it is not simply working ("No new messages? Check the channel status."). */
  const troubled = () => {
    const inbox = selection.inbox();
    return inbox && effectiveStatus(inbox, channels.now()) !== "active" ? inbox : null;
  };
  const c = () => props.conversation;
  const meId = () => session.me()?.user.id ?? "";
  // The assignment policy (server: conversation-commands.ts): agents take only chats nobody has.
  const mayTake = () => c().assigneeId !== meId() && (c().assigneeId === null || can(session.me()?.user, "supervise"));
  const assignee = () => {
    const id = c().assigneeId;
    if (id === null) return t("unassigned");
    if (id === meId()) return t("you");
    return users.nameOf(id) ?? t("anotherAgent");
  };
  const supervises = () => can(session.me()?.user, "supervise");
  let snoozeMenu: SnoozeMenuHandle | undefined;
  let prioritySelect!: HTMLSelectElement;

  useShortcuts({
    reply: () => focusComposer("reply"),
    note: () => focusComposer("note"),
    resolve: () => void (c().status === "resolved" ? selection.reopen() : selection.resolve()),
    snooze: () => snoozeMenu?.open(),
    assignToMe: () => void (mayTake() && selection.assignToMe()),
    priority: () => prioritySelect.focus(),
  });

  return (
    <header class="chat-header">
      <button type="button" class="btn btn-ghost back-button" onClick={() => selection.select(null)}>
        <span aria-hidden="true">←</span>
        <span class="sr-only">{t("back")}</span>
      </button>
      <Avatar name={c().contactName} size="lg" src={contactAvatarSrc(selection.contact())} />
      <div class="chat-title">
        <h2>{c().contactName}</h2>
        <p class="chat-subtitle">
          <ChannelBadge channel={c().channel} />
          <Show when={troubled()}>{(inbox) => <ChannelStatusBadge inbox={inbox()} now={channels.now()} />}</Show>
          <StatusBadge status={c().status} />
          <Show when={c().sla}>{(sla) => <SlaCountdown sla={sla()} />}</Show>
          <Show when={c().status === "snoozed" && c().snoozedUntil}>
            {(until) => <span class="chat-snoozed-until">{t("snoozedUntil", { time: formatDateTime(until()) })}</span>}
          </Show>
          <Show when={c().helpRequestedAt}>
            <span class="chat-hand" role="status">
              ✋ {t("handRaised")}
            </span>
          </Show>
          <span class="chat-assignee">
            {t("assignee")} <strong>{assignee()}</strong>
          </span>
        </p>
        <PresenceNote conversationId={c().id} />
        <Show when={selection.customerTyping()}>
          <p class="presence presence-typing customer-typing" role="status">
            {t("customerTyping", { name: c().contactName })}
          </p>
        </Show>
      </div>
      <div class="chat-actions">
        <Show when={mayTake()}>
          <button type="button" class="btn" onClick={() => void selection.assignToMe()}>
            {t("assignToMe")}
          </button>
        </Show>
        <Show when={supervises()}>
          <AssignMenu conversation={c()} />
          <TransferMenu conversation={c()} />
          <button type="button" class="btn" onClick={() => void selection.join()}>
            {t("join")}
          </button>
        </Show>
        <button type="button" class="btn" aria-pressed={!!c().helpRequestedAt} onClick={() => void selection.setHand(!c().helpRequestedAt)}>
          {c().helpRequestedAt ? t("lowerHand") : t("raiseHand")}
        </button>
        <Show
          when={c().status === "resolved"}
          fallback={
            <button type="button" class="btn btn-primary" onClick={() => void selection.resolve()}>
              {t("resolve")}
            </button>
          }
        >
          <button type="button" class="btn" onClick={() => void selection.reopen()}>
            {t("reopen")}
          </button>
        </Show>
        <SnoozeMenu conversationId={c().id} ref={(h) => (snoozeMenu = h)} />
        <select
          class="select"
          aria-label={t("status")}
          onChange={(e) => void selection.setStatus(e.currentTarget.value as ConversationStatus)}
        >
          <Show when={c().status === "snoozed"}>
            <option value="snoozed" selected disabled>
              {t("status_snoozed")}
            </option>
          </Show>
          <For each={SELECTABLE_STATUSES}>
            {(s) => (
              <option value={s} selected={c().status === s}>
                {t(`status_${s}`)}
              </option>
            )}
          </For>
        </select>
        <select
          ref={prioritySelect}
          class="select"
          aria-label={t("priority")}
          onChange={(e) => void selection.setPriority(e.currentTarget.value as Priority)}
        >
          <For each={PRIORITIES}>
            {(p) => (
              <option value={p} selected={c().priority === p}>
                {t(`priority_${p}`)}
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
          {t("customerInfo")}
        </button>
      </div>
      <ErrorMessage message={selection.commandError()} class="chat-error" />
    </header>
  );
}
