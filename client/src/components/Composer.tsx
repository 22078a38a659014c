/**
 * The reply box. Enter sends, Shift+Enter adds a line. Each send gets a fresh clientId so the
 * server applies it exactly once; a send that failed for lack of network keeps its clientId, so
 * retrying the same text cannot post it twice. On failure the text comes back into the box.
 */
import { SendReplyRequestSchema } from "@inbox/shared";
import { createSignal, Show } from "solid-js";
import { ApiError } from "../api/http.ts";
import { channelNotice } from "../state/channel-notice.ts";
import { useAppState } from "../state/app-state.tsx";
import { composerKeyAction } from "./composer-keys.ts";

export function Composer(props: { conversationId: string }) {
  const { selection } = useAppState();
  const [error, setError] = createSignal<string | null>(null);
  let retry: { conversationId: string; text: string; clientId: string } | null = null;
  let textarea!: HTMLTextAreaElement;

  const draft = () => selection.draft(props.conversationId);
  const notice = () => channelNotice(selection.inbox(), Date.now());
  const canReply = () => notice()?.canReply ?? true;

  const send = async () => {
    const id = props.conversationId;
    const text = draft();
    const sameAsFailed = retry && retry.conversationId === id && retry.text === text;
    const clientId = sameAsFailed && retry ? retry.clientId : crypto.randomUUID();
    const parsed = SendReplyRequestSchema.safeParse({ clientId, text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the message and try again.");
      return;
    }
    setError(null);
    selection.setDraft(id, "");
    try {
      await selection.send(parsed.data.text, clientId);
      retry = null;
    } catch (err) {
      const apiError = err instanceof ApiError ? err : null;
      setError(apiError?.message ?? "Failed to send. Try again.");
      retry = apiError?.code === "network" ? { conversationId: id, text, clientId } : null;
      // Give the text back; keep anything typed meanwhile after it.
      const typed = selection.draft(id);
      selection.setDraft(id, typed ? `${text}\n${typed}` : text);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (composerKeyAction(e) !== "send") return;
    e.preventDefault();
    void send();
  };

  return (
    <form
      class="composer"
      aria-label="Reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
        textarea.focus();
      }}
    >
      <Show when={notice()}>
        {(n) => (
          <p class="composer-notice" role="status">
            {n().text}
          </p>
        )}
      </Show>
      <Show when={error()}>
        {(message) => (
          <p class="composer-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="composer-row">
        <textarea
          ref={textarea}
          class="composer-input"
          aria-label="Reply message"
          placeholder={canReply() ? "Write a reply… (Enter to send, Shift+Enter for a new line)" : "Replies are off for this channel"}
          rows={2}
          value={draft()}
          disabled={!canReply()}
          onInput={(e) => selection.setDraft(props.conversationId, e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="btn btn-primary composer-send" disabled={!canReply()}>
          Send
        </button>
      </div>
    </form>
  );
}
