/**
 * Everything that edits the composer's text besides typing, for both modes: the formatting
 * toolbar and its shortcuts, emoji and symbols, the knowledge base, and the `/` (canned
 * responses) and `@` (mentions, notes only) pickers. Each edit is one replacement at the
 * caret, applied by the mode (the shared Y.Text draft for replies, the note's own text).
 */
import { createSignal, Show, type Accessor, type JSX } from "solid-js";
import { composerFormatKey } from "./composer-keys.ts";
import { CannedPicker, type CannedVars } from "./content/CannedPicker.tsx";
import { KnowledgePanel } from "./content/KnowledgePanel.tsx";
import { MentionPicker } from "./content/MentionPicker.tsx";
import { EmojiPicker } from "./EmojiPicker.tsx";
import { FormatToolbar, keepFocus } from "./FormatToolbar.tsx";
import { BookIcon, SmileIcon } from "./icons.tsx";
import { applyFormat, type Format, type FormatEdit } from "./markdown-lite.ts";
import { t } from "./messages.ts";
import { activeTrigger, mentionText, replaceTrigger, type Trigger } from "./triggers.ts";

export interface TextToolsOptions {
  textarea: () => HTMLTextAreaElement;
  /** Applies one replacement to the text and puts the selection where the edit says. */
  edit(e: FormatEdit): void;
  mentions: boolean;
  vars: Accessor<CannedVars>;
}

export interface TextTools {
  /** Call first from the text box's keydown; true when the key was used. */
  onKeyDown(e: KeyboardEvent): boolean;
  /** Call on input, click and key up: the caret may have entered or left a `/` or `@` word. */
  track(): void;
  Toolbar(props: { children?: JSX.Element }): JSX.Element;
  Popovers(): JSX.Element;
}

export function createTextTools(opts: TextToolsOptions): TextTools {
  const [trigger, setTrigger] = createSignal<Trigger | null>(null);
  const [dismissed, setDismissed] = createSignal<number | null>(null);
  const [panel, setPanel] = createSignal<"emoji" | "knowledge" | null>(null);

  const track = () => {
    const el = opts.textarea();
    const next = el.selectionStart === el.selectionEnd ? activeTrigger(el.value, el.selectionStart, { mentions: opts.mentions }) : null;
    const prev = trigger();
    if (next?.start !== prev?.start || next?.query !== prev?.query || next?.kind !== prev?.kind) setTrigger(next);
    if (!next) setDismissed(null);
  };
  const open = () => {
    const tr = trigger();
    return tr && dismissed() !== tr.start ? tr : null;
  };
  const closeTrigger = () => setDismissed(trigger()?.start ?? null);

  const format = (f: Format) => {
    const el = opts.textarea();
    opts.edit(applyFormat(el.value, el.selectionStart, el.selectionEnd, f));
  };
  /** Puts text where the caret (or selection) was. */
  const insert = (text: string) => {
    const el = opts.textarea();
    const at = el.selectionStart + text.length;
    opts.edit({ index: el.selectionStart, remove: el.selectionEnd - el.selectionStart, insert: text, selectionStart: at, selectionEnd: at });
  };
  const pick = (text: string) => {
    const tr = trigger();
    if (!tr) return;
    const r = replaceTrigger(tr, text);
    setTrigger(null);
    opts.edit({ index: r.index, remove: r.remove, insert: r.insert, selectionStart: r.caret, selectionEnd: r.caret });
  };
  const closePanel = () => {
    setPanel(null);
    opts.textarea().focus();
  };

  return {
    track,
    onKeyDown(e) {
      const f = composerFormatKey(e);
      if (!f) return false;
      e.preventDefault();
      format(f);
      return true;
    },
    Toolbar: (p) => (
      <FormatToolbar onFormat={format}>
        <button
          type="button"
          class="composer-tool"
          aria-label={t("emoji")}
          title={t("emoji")}
          aria-expanded={panel() === "emoji"}
          onMouseDown={keepFocus}
          onClick={() => setPanel((v) => (v === "emoji" ? null : "emoji"))}
        >
          <SmileIcon />
        </button>
        <button
          type="button"
          class="composer-tool"
          aria-label={t("knowledge")}
          title={t("knowledge")}
          aria-expanded={panel() === "knowledge"}
          onMouseDown={keepFocus}
          onClick={() => setPanel((v) => (v === "knowledge" ? null : "knowledge"))}
        >
          <BookIcon />
        </button>
        {p.children}
      </FormatToolbar>
    ),
    Popovers: () => (
      <>
        <Show when={panel() === "emoji"}>
          <div class="composer-popover">
            <EmojiPicker
              onPick={(ch) => {
                setPanel(null);
                insert(ch);
              }}
              onClose={closePanel}
            />
          </div>
        </Show>
        <Show when={panel() === "knowledge"}>
          <div class="composer-popover">
            <KnowledgePanel
              onInsert={(text) => {
                setPanel(null);
                insert(text);
              }}
              onClose={closePanel}
            />
          </div>
        </Show>
        <Show when={open()}>
          {(tr) => (
            <div class="composer-popover composer-popover-picker">
              <Show
                when={tr().kind === "mention"}
                fallback={<CannedPicker query={tr().query} vars={opts.vars()} onPick={pick} onClose={closeTrigger} />}
              >
                <MentionPicker query={tr().query} onPick={(u) => pick(mentionText(u.name))} onClose={closeTrigger} />
              </Show>
            </div>
          )}
        </Show>
      </>
    ),
  };
}
