/** Facts about the open conversation: channel, inbox, dates, status, priority, assignee and its history, labels, the customer's latest rating, tickets. */
import type { Conversation, Inbox } from "@inbox/shared";
import { createMemo, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { StatusBadge } from "../conversation/index.ts";
import { assigneeLabel, CHANNEL_LABELS } from "../format/labels.ts";
import { priorityWord } from "../format/status-words.ts";
import { formatDateTime } from "../format/time.ts";
import { latestRating } from "@inbox/shared/domain/csat";
import { AssigneeHistory } from "./AssigneeHistory.tsx";
import { createConversationHistory } from "./conversation-history.ts";
import { LinkedTickets } from "./LinkedTickets.tsx";
import { t } from "./messages.ts";
import { LabelsEditor } from "./LabelsEditor.tsx";

export function ConversationMeta(props: { conversation: Conversation; inbox: Inbox | null }) {
  const { session, users, local, selection } = useAppState();
  const c = () => props.conversation;
  const history = createConversationHistory({ db: local.db, conversation: c, messages: selection.timeline });
  const rating = createMemo(() => latestRating(history.data() ?? []));
  return (
    <>
      <section class="info-section" aria-labelledby="info-conversation-title">
        <h3 id="info-conversation-title">{t("conversation")}</h3>
        <dl class="info-list">
          <dt>{t("channel")}</dt>
          <dd>
            {CHANNEL_LABELS[c().channel]}
            {/* An inbox named after its channel ("WhatsApp") would read "WhatsApp · WhatsApp". */}
            <Show when={props.inbox && props.inbox.name.trim().toLowerCase() !== CHANNEL_LABELS[c().channel].toLowerCase() ? props.inbox : null}>
              {(inbox) => <span class="muted"> · {inbox().name}</span>}
            </Show>
          </dd>
          <dt>{t("created")}</dt>
          <dd>{formatDateTime(c().createdAt)}</dd>
          <dt>{t("lastActivity")}</dt>
          <dd>{formatDateTime(c().lastActivityAt)}</dd>
          <dt>{t("status")}</dt>
          <dd>
            <StatusBadge status={c().status} />
            <Show when={c().status === "snoozed" && c().snoozedUntil}>
              {(until) => <span class="muted"> {t("until", { time: formatDateTime(until()) })}</span>}
            </Show>
          </dd>
          <dt>{t("priority")}</dt>
          <dd>
            <span class={`priority priority-${c().priority}`}>{priorityWord(c().priority)}</span>
          </dd>
          <dt>{t("assignee")}</dt>
          <dd>
            {assigneeLabel(c().assigneeId, session.me()?.user.id ?? "", users.nameOf, { unassigned: t("unassigned"), you: t("you"), anotherAgent: t("anotherAgent") })}
            <AssigneeHistory events={history} />
          </dd>
          <dt>{t("labels")}</dt>
          <dd>
            <LabelsEditor />
          </dd>
          <Show when={rating()}>
            {(r) => (
              <>
                <dt>{t("rating")}</dt>
                {/* The customer's comment is shown as text, never as HTML. */}
                <dd>{r().comment ? t("ratedWithComment", { rating: r().rating, comment: r().comment! }) : t("rated", { rating: r().rating })}</dd>
              </>
            )}
          </Show>
          <Show when={c().firstResponseAt}>
            {(at) => (
              <>
                <dt>{t("firstResponse")}</dt>
                <dd>{formatDateTime(at())}</dd>
              </>
            )}
          </Show>
        </dl>
      </section>
      <LinkedTickets conversationId={c().id} />
    </>
  );
}
