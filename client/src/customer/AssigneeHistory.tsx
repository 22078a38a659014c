/** Who held the conversation and when, from its recorded assignment events (newest first). */
import { DomainEventSchema, type Conversation, type DomainEvent } from "@inbox/shared";
import { createEffect, createMemo, For, on, Show } from "solid-js";
import { z } from "zod";
import { useAppState } from "../app/index.ts";
import { formatDateTime } from "../format/time.ts";
import { contactApi } from "./contact-api.ts";
import { createCachedRequest } from "./contact-cache.ts";
import { t } from "./messages.ts";

const EventsSchema = z.array(DomainEventSchema);

export function AssigneeHistory(props: { conversation: Conversation }) {
  const { local, users } = useAppState();
  const id = () => props.conversation.id;
  const events = createCachedRequest(local.db, () => `events.${id()}`, async () => (await contactApi.events(id())).events, EventsSchema);
  // A new assignment (live, from the room) is a new history entry: read it again.
  createEffect(on(() => props.conversation.assigneeId, () => events.refetch(), { defer: true }));

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
