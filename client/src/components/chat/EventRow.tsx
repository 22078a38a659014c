/** A recorded change in the timeline (assignment and why, pickup, status, priority, labels). */
import type { DomainEvent } from "@inbox/shared";
import { Show } from "solid-js";
import { formatClock, formatDateTime } from "../../format/time.ts";
import { useAppState } from "../../state/app-state.tsx";
import { eventLine } from "./event-lines.ts";

export function EventRow(props: { event: DomainEvent }) {
  const { users } = useAppState();
  const line = () => eventLine(props.event, users.nameOf);
  return (
    <Show when={line()}>
      {(l) => (
        <li class={`timeline-event timeline-event-${l().tone}`}>
          <div class="timeline-event-body">
            <span class="timeline-event-text">{l().text}</span>
            <time datetime={new Date(props.event.at).toISOString()} title={formatDateTime(props.event.at)}>
              {formatClock(props.event.at)}
            </time>
            <Show when={l().detail}>
              <span class="timeline-event-detail">{l().detail}</span>
            </Show>
          </div>
        </li>
      )}
    </Show>
  );
}
