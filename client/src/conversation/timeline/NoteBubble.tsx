/**
 * An internal note in the timeline: for agents only, styled apart from customer-facing messages.
 * A supervisor's whisper (a note with `whisperTo`) has its own bubble naming whom it is for.
 */
import type { Note } from "@inbox/shared";
import { ERASED_TEXT } from "@inbox/shared/api/data-rights";
import { Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { formatClock, formatDateTime } from "../../format/time.ts";
import { t } from "./messages.ts";

export function NoteBubble(props: { note: Note }) {
  const { users } = useAppState();
  const whisperTo = () => props.note.whisperTo;
  return (
    <li class="msg msg-note" classList={{ "msg-whisper": !!whisperTo() }} data-whisper={whisperTo() ? "true" : undefined}>
      <div class="note-bubble">
        <Show when={whisperTo()} fallback={<span class="note-tag">{t("noteTag", { author: props.note.authorName })}</span>}>
          {(to) => <span class="note-tag whisper-tag">{t("whisperTag", { author: props.note.authorName, to: users.nameOf(to()) ?? t("someone") })}</span>}
        </Show>
        <Show when={props.note.text !== ERASED_TEXT} fallback={<p class="msg-text msg-erased">{t("erasedNote")}</p>}>
          <p class="msg-text">{props.note.text}</p>
        </Show>
        <span class="msg-meta">
          <time datetime={new Date(props.note.createdAt).toISOString()} title={formatDateTime(props.note.createdAt)}>
            {formatClock(props.note.createdAt)}
          </time>
        </span>
      </div>
    </li>
  );
}
