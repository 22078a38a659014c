/** Who held the conversation and when, from its recorded assignment events (newest first). */
import type { DomainEvent } from "@inbox/shared";
import { createMemo, For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { formatDateTime } from "../format/time.ts";
import type { CachedRequest } from "./contact-cache.ts";
import { t } from "./messages.ts";

/** `events`: the conversation's recorded history (conversation-history.ts). */
export function AssigneeHistory(props: { events: CachedRequest<DomainEvent[]> }) {
  const { users } = useAppState();
  const events = props.events;

  const assignments = createMemo(() =>
    (events.data() ?? []).filter((e) => e.type === "conversation.assigned").sort((a, b) => b.at - a.at),
  );
  const nameOf = (userId: unknown) => (typeof userId === "string" ? (users.nameOf(userId) ?? t("someone")) : null);
  const who = (e: DomainEvent) => (e.actorKind === "agent" && e.actorId ? t("byWhom", { name: nameOf(e.actorId)! }) : t("byRouting"));

  return (
    <details class="assignee-history">
      <summary>{t("assignmentHistory")}</summary>
      <Show
        when={assignments().length > 0}
        fallback={<p class="muted small">{events.data() === null && events.error() ? t("historyOffline") : t("noAssignments")}</p>}
      >
        <ol class="assignment-list">
          <For each={assignments()}>
            {(e) => (
              <li>
                <span>{nameOf(e.data.to) ? t("assignedTo", { name: nameOf(e.data.to)! }) : t("unassigned")}</span>
                <span class="muted small">
                  {" "}
                  · {formatDateTime(e.at)} · {who(e)}
                </span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </details>
  );
}
