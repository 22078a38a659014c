/** Facts about the open conversation: channel, inbox, dates, status, priority, assignee, labels. */
import type { Conversation, Inbox } from "@inbox/shared";
import { Show } from "solid-js";
import { assigneeLabel, CHANNEL_LABELS, PRIORITY_LABELS } from "../format/labels.ts";
import { formatDateTime } from "../format/time.ts";
import { useAppState } from "../state/app-state.tsx";
import { LabelsEditor } from "./LabelsEditor.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

export function ConversationMeta(props: { conversation: Conversation; inbox: Inbox | null }) {
  const { session, users } = useAppState();
  const c = () => props.conversation;
  return (
    <section class="info-section" aria-labelledby="info-conversation-title">
      <h3 id="info-conversation-title">Conversation</h3>
      <dl class="info-list">
        <dt>Channel</dt>
        <dd>
          {CHANNEL_LABELS[c().channel]}
          <Show when={props.inbox}>{(inbox) => <span class="muted"> · {inbox().name}</span>}</Show>
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(c().createdAt)}</dd>
        <dt>Last activity</dt>
        <dd>{formatDateTime(c().lastActivityAt)}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={c().status} />
          <Show when={c().status === "snoozed" && c().snoozedUntil}>
            {(until) => <span class="muted"> until {formatDateTime(until())}</span>}
          </Show>
        </dd>
        <dt>Priority</dt>
        <dd>
          <span class={`priority priority-${c().priority}`}>{PRIORITY_LABELS[c().priority]}</span>
        </dd>
        <dt>Assignee</dt>
        <dd>{assigneeLabel(c().assigneeId, session.me()?.user.id ?? "", users.nameOf)}</dd>
        <dt>Labels</dt>
        <dd>
          <LabelsEditor />
        </dd>
        <Show when={c().firstResponseAt}>
          {(at) => (
            <>
              <dt>First response</dt>
              <dd>{formatDateTime(at())}</dd>
            </>
          )}
        </Show>
      </dl>
    </section>
  );
}
