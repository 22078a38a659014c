/**
 * The composer: a reply to the customer, or an internal note for colleagues.
 *
 * The reply box is bound to the conversation's shared draft (the work document's Y.Text,
 * persisted by y-indexeddb), so a draft survives a reload and merges with other agents'
 * edits. Sending queues the reply in the outbox (online or not): it shows at once as pending
 * and is sent exactly once, in order. Enter sends, Shift+Enter adds a line.
 *
 * Replies carry markdown-lite formatting (toolbar, Ctrl/Cmd+B/I; the preview shows it as the
 * channel will), attachments (dropped, pasted or picked; checked against the channel's limits
 * before anything is sent; kept on the device and uploaded by the outbox just before their
 * reply, so they work offline too) and, where the channel has them, buttons or quick replies.
 * `/` opens canned responses in both modes, `@` mentions colleagues in notes.
 *
 * The channel's state decides what replying looks like (seed's failure table): a disabled
 * channel or an expired connection replaces the reply box with a notice (notes still work:
 * they never leave the team); a channel paused by the platform's limit keeps the box, and says
 * when the queued replies will go out.
 */
import { can, CommandSchema, contactDisplayName, type Command } from "@inbox/shared";
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { createEffect, createMemo, createSignal, onCleanup, Show } from "solid-js";
import type * as Y from "yjs";
import { useAppState } from "../app/index.ts";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { channelNotice, type ChannelNotice } from "./channel-notice.ts";
import { setComposing } from "../sync/presence.ts";
import { typingRelay } from "./typing-relay.ts";
import { diffText, mapPosition, type TextChange } from "../sync/text-binding.ts";
import { AttachmentList, type PickedFile } from "./AttachmentList.tsx";
import { createCapabilities } from "./capabilities.ts";
import { choiceKinds, choicesContent, maxChoices, type Choices } from "./choices.ts";
import { ChoicesEditor } from "./ChoicesEditor.tsx";
import type { CannedVars } from "./content/CannedPicker.tsx";
import { firstName } from "./content/canned-vars.ts";
import { registerDraft } from "./draft-bridge.ts";
import { keepFocus } from "./FormatToolbar.tsx";
import { FormattedPreview } from "./FormattedPreview.tsx";
import { ChoicesIcon, PaperclipIcon } from "./icons.tsx";
import { keepForUpload, keptAttachmentContent, keptStoreOf } from "../sync/kept-uploads.ts";
import { attachmentError, textLengthError } from "./limits.ts";
import type { FormatEdit } from "./markdown-lite.ts";
import { t } from "./messages.ts";
import { t as ws } from "../ui/workspace-messages.ts";
import { firstIssueWords } from "../api/constraint-words.ts";
import { createTextTools } from "./text-tools.tsx";
import { composerKeyAction } from "./composer-keys.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { createAiAssist } from "./ai/AiAssist.tsx";
import { TemplateOffer } from "./templates/TemplateOffer.tsx";

type Mode = "reply" | "note" | "whisper";

export function Composer(props: { conversationId: string }) {
  const { selection, channels, session, users, local } = useAppState();
  /** A role without "reply" (a custom role) writes notes only; the server refuses its replies anyway. */
  const mayReply = createMemo(() => can(session.me()?.user, "reply"));
  // One copy of the channel's limits for the reply box and the template picker, asked for only
  // by those who may reply, and kept while the agent switches between reply and note.
  const caps = createCapabilities(() => (mayReply() ? selection.inbox() : null), local.db, () => local.browserOnline());
  const [mode, setMode] = createSignal<Mode>(mayReply() ? "reply" : "note");
  /** Whoever supervises may whisper to the chat's assignee (someone else): a note only agents see, with a notification. */
  const whisperee = createMemo(() => {
    const me = session.me()?.user;
    const assigneeId = selection.conversation()?.assigneeId ?? null;
    if (!me || !can(me, "supervise") || !assigneeId || assigneeId === me.id) return null;
    return { id: assigneeId, name: users.nameOf(assigneeId) ?? assigneeId };
  });
  createEffect(() => {
    if (mode() === "whisper" && !whisperee()) setMode("note");
    if (mode() === "reply" && !mayReply()) setMode("note");
  });
  const notice = createMemo(() => channelNotice(selection.inbox(), { isAdmin: channels.isAdmin() }, { now: channels.now() }));
  const vars = useCannedVars(props.conversationId);
  // Leaving the chat: the visitor stops seeing "… is typing" at once.
  onCleanup(() => typingRelay.stop());
  const blocked = () => {
    const n = notice();
    return n && !n.canReply ? n : null;
  };
  return (
    <div
      class="composer"
      classList={{ "composer-note-mode": mode() !== "reply", "composer-whisper-mode": mode() === "whisper" }}
      onInput={() => {
        setComposing(props.conversationId, mode() === "reply" ? "reply" : "note");
        // Web chat visitors see "… is typing" in their widget.
        if (mode() === "reply" && selection.conversation()?.channel === "webchat") typingRelay.keystroke(props.conversationId);
      }}
    >
      <div class="composer-modes" role="group" aria-label={ws("composerModes")}>
        <Show when={mayReply()}>
          <button type="button" class="composer-mode" aria-pressed={mode() === "reply"} onClick={() => setMode("reply")}>
            {ws("reply")}
          </button>
        </Show>
        <button type="button" class="composer-mode composer-mode-note" aria-pressed={mode() === "note"} onClick={() => setMode("note")}>
          {ws("note")}
        </button>
        <Show when={whisperee()}>
          {(to) => (
            <button
              type="button"
              class="composer-mode composer-mode-whisper"
              aria-pressed={mode() === "whisper"}
              title={t("whisperTo", { name: to().name })}
              onClick={() => setMode("whisper")}
            >
              {t("whisper")}
            </button>
          )}
        </Show>
      </div>
      <Show
        when={mode() === "reply"}
        fallback={
          <Show when={mode() === "whisper" && whisperee()} fallback={<NoteForm conversationId={props.conversationId} />}>
            {(to) => <NoteForm conversationId={props.conversationId} whisperTo={to()} />}
          </Show>
        }
      >
        <Show
          when={blocked()}
          fallback={
            <>
              <TemplateOffer conversationId={props.conversationId} contactName={vars().contactName} firstName={vars().contactFirstName} caps={caps()} />
              <ReplyForm conversationId={props.conversationId} notice={notice()} caps={caps()} />
            </>
          }
        >
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
  issues.some((i) => i.path[0] === "text") ? t("writeFirst") : firstIssueWords(issues, ws("checkMessage"));

/** What canned responses fill in: the open conversation's contact, inbox and the signed-in agent. */
function useCannedVars(conversationId: string): () => CannedVars {
  const { selection, session } = useAppState();
  return () => {
    const contact = selection.contact();
    const contactName = contact ? contactDisplayName(contact) : (selection.conversation()?.contactName ?? "");
    const agentName = session.me()?.user.name ?? "";
    return {
      contactName,
      contactFirstName: contact?.name ? firstName(contact.name) : "",
      contactEmail: contact?.email ?? "",
      agentName,
      agentFirstName: firstName(agentName),
      inboxName: selection.inbox()?.name ?? "",
      conversationId,
    };
  };
}

/** After an edit has reached the box: the caret (or selection) where the edit says, focus back in the box. */
function selectAfter(textarea: HTMLTextAreaElement, e: FormatEdit) {
  textarea.focus();
  textarea.setSelectionRange(e.selectionStart, e.selectionEnd);
}

function ReplyForm(props: { conversationId: string; notice: ChannelNotice | null; caps: ChannelCapabilities | null }) {
  const { selection, local } = useAppState();
  const [error, setError] = createSignal<string | null>(null);
  const [info, setInfo] = createSignal<string | null>(null);
  const [files, setFiles] = createSignal<PickedFile[]>([]);
  const [choices, setChoices] = createSignal<Choices | null>(null);
  const [preview, setPreview] = createSignal(false);
  const [dragging, setDragging] = createSignal(false);
  const [text, setText] = createSignal("");
  let textarea!: HTMLTextAreaElement;
  let fileInput!: HTMLInputElement;
  let sendButton!: HTMLButtonElement;

  const draft = () => selection.work()?.draft ?? null;
  const offline = () => !local.browserOnline() || local.unreachable();
  /** The customer blocked the business on this channel (a send failed so): replies are refused until they write again. */
  const customerBlocked = () => {
    const inboxId = selection.inbox()?.id ?? selection.conversation()?.inboxId;
    return !!inboxId && !!selection.contact()?.identities.some((i) => i.inboxId === inboxId && i.blockedAt);
  };
  const caps = () => props.caps;
  const channel = () => {
    const c = selection.inbox()?.channel ?? selection.conversation()?.channel;
    return c ? CHANNEL_LABELS[c] : "";
  };
  const transact = (y: Y.Text | null, f: () => void) => (y?.doc ? y.doc.transact(f) : f());
  const applyChange = (y: Y.Text, c: TextChange) =>
    transact(y, () => {
      if (c.remove) y.delete(c.index, c.remove);
      if (c.insert) y.insert(c.index, c.insert);
    });
  // "Kept on this device" is true only while offline.
  createEffect(() => {
    if (!offline()) setInfo(null);
  });

  // The box follows the shared draft: text from elsewhere appears, and the caret moves with it.
  createEffect(() => {
    const y = draft();
    if (!y) return;
    const sync = (event?: Y.YTextEvent) => {
      const next = y.toString();
      setText(next);
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
    y.observe(sync);
    onCleanup(() => y.unobserve(sync));
  });

  const onInput = () => {
    setText(textarea.value);
    tools.track();
    const y = draft();
    if (!y) return;
    const change = diffText(y.toString(), textarea.value);
    if (change) applyChange(y, change);
  };

  /** Toolbar, emoji, picker edits: into the shared draft (the box follows), then the selection. */
  const edit = (e: FormatEdit) => {
    const y = draft();
    if (y) {
      applyChange(y, e);
    } else {
      textarea.value = textarea.value.slice(0, e.index) + e.insert + textarea.value.slice(e.index + e.remove);
      setText(textarea.value);
    }
    selectAfter(textarea, e);
    tools.track();
  };

  const vars = useCannedVars(props.conversationId);
  const tools = createTextTools({ textarea: () => textarea, edit, mentions: false, vars });

  // Suggestions from outside the box (draft-bridge.ts) arrive as ordinary edits.
  createEffect(() => {
    const unregister = registerDraft(props.conversationId, {
      text: () => textarea.value,
      insert: (value) => {
        const { selectionStart, selectionEnd } = textarea;
        const at = selectionStart + value.length;
        edit({ index: selectionStart, remove: selectionEnd - selectionStart, insert: value, selectionStart: at, selectionEnd: at });
      },
      replace: (value) => edit({ index: 0, remove: textarea.value.length, insert: value, selectionStart: value.length, selectionEnd: value.length }),
    });
    onCleanup(unregister);
  });

  // AI assistance: suggestions replace the draft through the same edit, never sent by themselves.
  const ai = createAiAssist({
    conversationId: props.conversationId,
    text: () => text(),
    offline,
    replace: (value) => edit({ index: 0, remove: textarea.value.length, insert: value, selectionStart: value.length, selectionEnd: value.length }),
    focusSend: () => sendButton.focus(),
  });

  /** Files from a drop, a paste or the file picker: those the channel refuses are named, not attached. */
  const addFiles = (list: readonly File[]) => {
    if (list.length === 0) return;
    const refused: string[] = [];
    const ok: PickedFile[] = [];
    for (const file of list) {
      const problem = attachmentError(caps(), channel(), file);
      if (problem) refused.push(problem);
      else ok.push({ id: crypto.randomUUID(), file });
    }
    setError(refused.length ? refused.join(" ") : null);
    if (ok.length) setFiles((prev) => [...prev, ...ok]);
  };

  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes("Files");
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    setDragging(false);
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    addFiles([...e.dataTransfer.files]);
  };
  const onPaste = (e: ClipboardEvent) => {
    const pasted = [...(e.clipboardData?.files ?? [])];
    if (pasted.length === 0) return;
    e.preventDefault();
    addFiles(pasted);
  };

  const send = async () => {
    const y = draft();
    const value = y ? y.toString() : textarea.value;
    const picked = files();
    const chosen = choices();
    const expectedAssigneeId = selection.conversation()?.assigneeId ?? null;
    const base = { type: "reply" as const, conversationId: props.conversationId, expectedAssigneeId, writtenAt: Date.now() };

    const tooLong = textLengthError(caps(), channel(), value.trim());
    if (tooLong) return void setError(tooLong);
    // Files the channel's limits (learned since they were picked) no longer allow stay for the agent to remove.
    for (const f of picked) {
      const problem = attachmentError(caps(), channel(), f.file);
      if (problem) return void setError(problem);
    }
    const commands: Command[] = [];
    for (const f of picked) {
      commands.push({ ...base, clientId: f.id, text: "", content: keptAttachmentContent(f.file, f.id) });
    }
    if (chosen) {
      const c = choicesContent(value, chosen);
      if (!c.ok) return void setError(t(c.problem === "needText" ? "choicesNeedText" : "choicesEmpty"));
      commands.push({ ...base, clientId: crypto.randomUUID(), text: c.content.text, content: c.content });
    } else if (value.trim() || picked.length === 0) {
      const parsed = CommandSchema.safeParse({ ...base, clientId: crypto.randomUUID(), text: value });
      if (!parsed.success) return void setError(messageOf(parsed.error.issues));
      commands.push(parsed.data);
    }
    setError(null);
    // Empty the box now (for every agent sharing the draft), before anything async: text typed
    // while the reply is being stored belongs to the next reply.
    if (y) transact(y, () => y.delete(0, y.length));
    textarea.value = "";
    setText("");
    setFiles([]);
    setChoices(null);
    setPreview(false);
    try {
      const db = local.db();
      for (const f of picked) {
        if (!db) throw new Error("No local database");
        await keepForUpload(keptStoreOf(db), f.id, f.file, f.file.name, props.conversationId);
      }
      for (const command of commands) await local.enqueue(command);
      setInfo(picked.length && offline() ? t("keptOffline", { name: picked.map((f) => f.file.name).join(", ") }) : null);
    } catch {
      setError(ws("replyNotKept"));
      // Give everything back, before anything typed meanwhile.
      if (y) transact(y, () => y.insert(0, y.length > 0 ? `${value}\n` : value));
      else textarea.value = value;
      setFiles(picked);
      setChoices(chosen);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (tools.onKeyDown(e)) return;
    if (composerKeyAction(e) !== "send") return;
    e.preventDefault();
    void send();
  };

  const canAttach = () => Object.keys(caps()?.media ?? {}).length > 0;
  const kinds = () => choiceKinds(caps());

  return (
    <form
      class="composer-form"
      classList={{ "composer-dragging": dragging() }}
      aria-label={ws("reply")}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
        textarea.focus();
      }}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <Show when={props.notice}>
        {(n) => (
          <p class="composer-notice" role="status">
            {n().text}
          </p>
        )}
      </Show>
      <Show when={customerBlocked()}>
        <p class="composer-notice composer-unreachable" role="status">
          {t("customerBlocked", { name: vars().contactName, channel: channel() })}
        </p>
      </Show>
      <Show when={offline()}>
        <p class="composer-hint">{t("offlineHint")}</p>
      </Show>
      <Show when={channel()}>
        <p class="composer-reply-banner">{t("replyLabel", { name: vars().contactName, channel: channel() })}</p>
      </Show>
      <ErrorMessage message={error()} class="composer-error" />
      <Show when={info()}>
        <p class="composer-hint" role="status">
          {info()}
        </p>
      </Show>
      <tools.Toolbar>
        <Show when={canAttach()}>
          <button type="button" class="composer-tool" aria-label={t("attach")} title={t("attach")} onMouseDown={keepFocus} onClick={() => fileInput.click()}>
            <PaperclipIcon />
          </button>
        </Show>
        <Show when={kinds().length > 0}>
          <button
            type="button"
            class="composer-tool"
            aria-label={t("choices")}
            title={t("choices")}
            aria-pressed={choices() !== null}
            onMouseDown={keepFocus}
            onClick={() => setChoices((c) => (c ? null : { kind: kinds()[0]!, titles: Array<string>(Math.min(2, maxChoices(caps(), kinds()[0]!))).fill("") }))}
          >
            <ChoicesIcon />
          </button>
        </Show>
        <ai.Button />
        <button type="button" class="composer-tool composer-tool-preview" aria-pressed={preview()} onMouseDown={keepFocus} onClick={() => setPreview((v) => !v)}>
          {t("preview")}
        </button>
      </tools.Toolbar>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label={t("attach")}
        onChange={(e) => {
          addFiles([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = "";
        }}
      />
      <div class="composer-editor">
        <tools.Popovers />
        <Show when={dragging()}>
          <p class="composer-drop-hint" aria-hidden="true">
            {t("dropHere")}
          </p>
        </Show>
        <div class="composer-row">
          <textarea
            ref={textarea}
            class="composer-input"
            aria-label={ws("replyMessage")}
            placeholder={ws("replyPlaceholder")}
            rows={2}
            onInput={onInput}
            onKeyDown={onKeyDown}
            onKeyUp={() => tools.track()}
            onClick={() => tools.track()}
            onPaste={onPaste}
          />
          <button ref={sendButton} type="submit" class="btn btn-primary composer-send">
            {t("send")}
          </button>
        </div>
      </div>
      <ai.Panel />
      <AttachmentList files={files()} onRemove={(id) => setFiles((list) => list.filter((f) => f.id !== id))} />
      <Show when={choices() && caps()}>
        <ChoicesEditor caps={caps()!} channel={channel()} value={choices()!} onChange={setChoices} />
      </Show>
      <Show when={preview() && text().trim()}>
        <FormattedPreview text={text()} channel={channel()} formatting={caps()?.formatting ?? null} />
      </Show>
    </form>
  );
}

/** The note box; with `whisperTo`, a supervisor's whisper to that agent (the same note, addressed). */
function NoteForm(props: { conversationId: string; whisperTo?: { id: string; name: string } }) {
  const { selection } = useAppState();
  const [text, setText] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  let textarea!: HTMLTextAreaElement;

  const edit = (e: FormatEdit) => {
    const v = textarea.value;
    setText(v.slice(0, e.index) + e.insert + v.slice(e.index + e.remove));
    selectAfter(textarea, e);
    tools.track();
  };
  const tools = createTextTools({ textarea: () => textarea, edit, mentions: true, vars: useCannedVars(props.conversationId) });

  const add = () => {
    const value = text().trim();
    if (!value) {
      setError(t("writeFirst"));
      return;
    }
    if (value.length > 8000) {
      setError(ws("noteTooLong", { max: 8000 }));
      return;
    }
    setError(null);
    selection.addNote(value, props.whisperTo?.id);
    setText("");
  };

  return (
    <form
      class="composer-form composer-form-note"
      classList={{ "composer-form-whisper": !!props.whisperTo }}
      aria-label={props.whisperTo ? t("whisperTo", { name: props.whisperTo.name }) : ws("note")}
      data-conversation={props.conversationId}
      onSubmit={(e) => {
        e.preventDefault();
        add();
        textarea.focus();
      }}
    >
      <p class="composer-note-banner" id={`note-banner-${props.conversationId}`}>
        {props.whisperTo ? t("whisperBanner", { name: props.whisperTo.name }) : t("noteLabel")}
      </p>
      <ErrorMessage message={error()} class="composer-error" />
      <tools.Toolbar />
      <div class="composer-editor">
        <tools.Popovers />
        <div class="composer-row">
          <textarea
            ref={textarea}
            class="composer-input composer-input-note"
            aria-label={props.whisperTo ? t("whisperText") : ws("noteText")}
            aria-describedby={`note-banner-${props.conversationId}`}
            placeholder={props.whisperTo ? t("whisperPlaceholder") : ws("notePlaceholder")}
            rows={2}
            value={text()}
            onInput={(e) => {
              setText(e.currentTarget.value);
              tools.track();
            }}
            onKeyUp={() => tools.track()}
            onClick={() => tools.track()}
            onKeyDown={(e) => {
              if (tools.onKeyDown(e)) return;
              if (composerKeyAction(e) !== "send") return;
              e.preventDefault();
              add();
            }}
          />
          <button type="submit" class="btn composer-send composer-add-note">
            {props.whisperTo ? t("whisperSend") : t("addNote")}
          </button>
        </div>
      </div>
    </form>
  );
}
