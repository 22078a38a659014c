/** An internal note in the timeline: for agents only, styled apart from customer-facing messages. */
import type { Note } from "@inbox/shared";
import { formatClock, formatDateTime } from "../../format/time.ts";

export function NoteBubble(props: { note: Note }) {
  return (
    <li class="msg msg-note">
      <div class="note-bubble">
        <span class="note-tag">Internal note · {props.note.authorName}</span>
        <p class="msg-text">{props.note.text}</p>
        <span class="msg-meta">
          <time datetime={new Date(props.note.createdAt).toISOString()} title={formatDateTime(props.note.createdAt)}>
            {formatClock(props.note.createdAt)}
          </time>
        </span>
      </div>
    </li>
  );
}
