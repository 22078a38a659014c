/**
 * The composer: a reply to the customer, or an internal note for colleagues.
 *
 * The reply box is bound to the conversation's shared draft (the work document's Y.Text,
 * persisted by y-indexeddb), so a draft survives a reload and merges with other agents'
 * edits. Sending queues the reply in the outbox (online or not): it shows at once as pending
 * and is sent exactly once, in order. Enter sends, Shift+Enter adds a line.
 *
 * The channel's state decides what replying looks like (seed's failure table): a disabled
 * channel or an expired connection replaces the reply box with a notice (notes still work:
 * they never leave the team); a channel paused by the platform's limit keeps the box, and says
 * when the queued replies will go out.
 */
import { CommandSchema } from "@inbox/shared";
import { createEffect, createMemo, createSignal, onCleanup, Show } from "solid-js";
import type * as Y from "yjs";
import { channelNotice, type ChannelNotice } from "../state/channel-notice.ts";
import { useAppState } from "../state/app-state.tsx";
import { diffText, mapPosition } from "../sync/text-binding.ts";
import { composerKeyAction } from "./composer-keys.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

type Mode = "reply" | "note";

export function Composer(props: { conversationId: string }) {
  const { selection, channels } = useAppState();
  const [mode, setMode] = createSignal<Mode>("reply");
  const notice = createMemo(() => channelNotice(selection.inbox(), { isAdmin: channels.isAdmin() }, { now: channels.now() }));
  const blocked = () => {
    const n = notice();
    return n && !n.canReply ? n : null;
  };
  return (
    <div class="composer" classList={{ "composer-note-mode": mode() === "note" }}>
      <div class="composer-modes" role="group" aria-label="Reply to the customer or write an internal note">
        <button type="button" class="composer-mode" aria-pressed={mode() === "reply"} onClick={() => setMode("reply")}>
          Reply
        </button>
        <button type="button" class="composer-mode" aria-pressed={mode() === "note"} onClick={() => setMode("note")}>
          Note
        </button>
      </div>
      <Show when={mode() === "reply"} fallback={<NoteForm conversationId={props.conversationId} />}>
        <Show when={blocked()} fallback={<ReplyForm conversationId={props.conversationId} notice={notice()} />}>
          {(n) => <ChannelBlocked notice={n()} inboxId={selection.inbox()?.id ?? null} />}
        </Show>
      </Show>
    </div>
  );
}

/** Instead of the reply box: why replying is impossible, and for admins the way to fix it. */
function ChannelBlocked(props: { notice: ChannelNotice; inboxId: string | null }) {
  const { router } = useAppState();
  return (
    <div class="channel-blocked" classList={{ "channel-blocked-error": props.notice.urgent }} data-kind={props.notice.kind}>
      <p class="channel-blocked-text" role={props.notice.urgent ? "alert" : "status"}>
        {props.notice.text}
      </p>
      <Show when={props.notice.reconnect && props.inboxId}>
        {(id) => (
          <button type="button" class="btn btn-primary" onClick={() => router.navigate({ screen: "settings", reconnect: id() })}>
            Reconnect
          </button>
        )}
      </Show>
    </div>
  );
}

const messageOf = (issues: readonly { message: string; path: readonly PropertyKey[] }[]) =>
  issues.some((i) => i.path[0] === "text") ? "Write something first." : (issues[0]?.message ?? "Check the message and try again.");

function ReplyForm(props: { conversationId: string; notice: ChannelNotice | null }) {
  const { selection, local } = useAppState();
  const [error, setError] = createSignal<string | null>(null);
  let textarea!: HTMLTextAreaElement;

  const draft = () => selection.work()?.draft ?? null;

  // The box follows the shared draft: text from elsewhere appears, and the caret moves with it.
  createEffect(() => {
    const text = draft();
    if (!text) return;
    const sync = (event?: Y.YTextEvent) => {
      const next = text.toString();
      if (textarea.value === next) return;
      const focused = document.activeElement === textarea;
      const { selectionStart, selectionEnd } = textarea;
      textarea.value = next;
      if (focused && event) {
        const delta = event.delta as Parameters<typeof mapPosition>[0];
        textarea.setSelectionRange(mapPosition(delta, selectionStart), mapPosition(delta, selectionEnd));
      }
    };
    sync();
    text.observe(sync);
    onCleanup(() => text.unobserve(sync));
  });

  const onInput = () => {
    const text = draft();
    if (!text) return;
    const change = diffText(text.toString(), textarea.value);
    if (!change) return;
    const apply = () => {
      if (change.remove) text.delete(change.index, change.remove);
      if (change.insert) text.insert(change.index, change.insert);
    };
    if (text.doc) text.doc.transact(apply);
    else apply();
  };

  const send = async () => {
    const text = draft();
    const value = text ? text.toString() : textarea.value;
    const parsed = CommandSchema.safeParse({
      type: "reply",
      clientId: crypto.randomUUID(),
      conversationId: props.conversationId,
      text: value,
    });
    if (!parsed.success || parsed.data.type !== "reply") {
      setError(parsed.success ? null : messageOf(parsed.error.issues));
      return;
    }
    setError(null);
    // Empty the draft now (for every agent sharing it), before anything async: text typed
    // while the reply is being stored belongs to the next reply.
    const transact = (f: () => void) => (text?.doc ? text.doc.transact(f) : f());
    if (text) transact(() => text.delete(0, text.length));
    textarea.value = "";
    try {
      await selection.send(parsed.data.text);
    } catch {
      setError("Your reply could not be saved on this device. Try again.");
      // Give the text back, before anything typed meanwhile.
      if (text) transact(() => text.insert(0, text.length > 0 ? `${value}\n` : value));
      else textarea.value = value;
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (composerKeyAction(e) !== "send") return;
    e.preventDefault();
    void send();
  };

  const offline = () => !local.browserOnline() || local.unreachable();

  return (
    <form
      class="composer-form"
      aria-label="Reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
        textarea.focus();
      }}
    >
      <Show when={props.notice}>
        {(n) => (
          <p class="composer-notice" role="status">
            {n().text}
          </p>
        )}
      </Show>
      <Show when={offline()}>
        <p class="composer-hint">You're offline. Replies are kept on this device and will send when you're back online.</p>
      </Show>
      <ErrorMessage message={error()} class="composer-error" />
      <div class="composer-row">
        <textarea
          ref={textarea}
          class="composer-input"
          aria-label="Reply message"
          placeholder="Write a reply… (Enter to send, Shift+Enter for a new line)"
          rows={2}
          onInput={onInput}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="btn btn-primary composer-send">
          Send
        </button>
      </div>
    </form>
  );
}

function NoteForm(props: { conversationId: string }) {
  const { selection } = useAppState();
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  let textarea!: HTMLTextAreaElement;

  const add = () => {
    const value = text().trim();
    if (!value) {
      setError("Write something first.");
      return;
    }
    if (value.length > 8000) {
      setError("Notes can be at most 8000 characters.");
      return;
    }
    setError(null);
    selection.addNote(value);
    setText("");
  };

  return (
    <form
      class="composer-form"
      aria-label="Note"
      data-conversation={props.conversationId}
      onSubmit={(e) => {
        e.preventDefault();
        add();
        textarea.focus();
      }}
    >
      <p class="composer-hint">Internal note: only agents see it, never the customer.</p>
      <ErrorMessage message={error()} class="composer-error" />
      <div class="composer-row">
        <textarea
          ref={textarea}
          class="composer-input composer-input-note"
          aria-label="Note text"
          placeholder="Write a note for your colleagues… (Enter to add)"
          rows={2}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (composerKeyAction(e) !== "send") return;
            e.preventDefault();
            add();
          }}
        />
        <button type="submit" class="btn composer-send composer-add-note">
          Add note
        </button>
      </div>
    </form>
  );
}
