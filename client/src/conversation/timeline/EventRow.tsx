/** A recorded change in the timeline (assignment and why, pickup, status, priority, labels). */
import type { DomainEvent } from "@inbox/shared";
import { Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { eventLine } from "./event-lines.ts";
import { Time } from "./Time.tsx";

export function EventRow(props: { event: DomainEvent }) {
  const { users, session } = useAppState();
  const teamName = (id: string) => session.me()?.teams.find((team) => team.id === id)?.name;
  const line = () => eventLine(props.event, users.nameOf, teamName);
  return (
    <Show when={line()}>
      {(l) => (
        <li class={`timeline-event timeline-event-${l().tone}`}>
          <div class="timeline-event-body">
            <span class="timeline-event-text">{l().text}</span>
            <Time at={props.event.at} />
            <Show when={l().detail}>
              <span class="timeline-event-detail">{l().detail}</span>
            </Show>
          </div>
        </li>
      )}
    </Show>
  );
}
