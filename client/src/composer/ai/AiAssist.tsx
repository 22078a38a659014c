/**
 * AI assistance on the reply box (issue 15): an "AI" menu in the toolbar offers rewrites of the
 * draft, a translation into the customer's language, a reply drafted from the knowledge base and
 * a handover summary. The answer appears below the box as a suggestion with Accept (replaces the
 * draft), Edit (replaces it and leaves the caret in the box to keep writing) and Discard; nothing
 * is ever sent by the assistant. A summary is shown with Copy instead: it is for a colleague, not
 * the customer, so it never goes near the reply box (and the note box's text is the note form's own).
 * With AI off, not set up, or offline the menu is disabled and says why.
 */
import { REWRITE_STYLES, type AiSuggestion } from "@inbox/shared/api/ai";
import { createSignal, For, onMount, Show, type JSX } from "solid-js";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { keepFocus } from "../FormatToolbar.tsx";
import { aiApi, aiStatus, refreshAiStatus } from "./ai-api.ts";
import { aiErrorWords, t } from "./messages.ts";
import "./ai.css";

interface AiAssistProps {
  conversationId: string;
  /** The draft as it is now. */
  text(): string;
  offline(): boolean;
  /** Replaces the whole draft through the box's own edit (the shared draft follows); focuses the box. */
  replace(text: string): void;
  /** Moves focus to the Send button (after Accept: ready, but the agent sends). */
  focusSend(): void;
}

type Shown = { kind: "draft" | "summary"; suggestion: AiSuggestion };

export function createAiAssist(props: AiAssistProps): { Button: () => JSX.Element; Panel: () => JSX.Element } {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [shown, setShown] = createSignal<Shown | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [copied, setCopied] = createSignal(false);
  onMount(() => void refreshAiStatus());

  /** Why the tools cannot be used now, in words; null when they can (or the status is still loading). */
  const disabledReason = () => {
    if (props.offline()) return t("offline");
    const s = aiStatus();
    if (!s || s.available) return null;
    return s.reason === "off" ? t("off") : t("notConfigured");
  };
  const unusable = () => disabledReason() !== null || aiStatus()?.available !== true || busy();

  const ask = async (kind: Shown["kind"], call: () => Promise<AiSuggestion>, needsDraft: boolean) => {
    setOpen(false);
    setError(null);
    setCopied(false);
    if (needsDraft && props.text().trim() === "") return void setError(t("writeFirst"));
    setBusy(true);
    try {
      setShown({ kind, suggestion: await call() });
    } catch (err) {
      setError(aiErrorWords(err));
    } finally {
      setBusy(false);
    }
  };
  const id = () => props.conversationId;

  const Button = () => (
    <span class="ai-assist">
      <button
        type="button"
        class="composer-tool ai-assist-toggle"
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-label={t("menuLabel")}
        title={disabledReason() ?? t("menuLabel")}
        disabled={unusable()}
        onMouseDown={keepFocus}
        onClick={() => setOpen((v) => !v)}
      >
        {t("menu")}
      </button>
      <Show when={open() && !unusable()}>
        <ul class="ai-assist-menu" role="menu" aria-label={t("menuLabel")} onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
          <For each={REWRITE_STYLES}>
            {(style) => (
              <li role="none">
                <button type="button" role="menuitem" onMouseDown={keepFocus} onClick={() => void ask("draft", () => aiApi.rewrite(id(), props.text(), style), true)}>
                  {t(style)}
                </button>
              </li>
            )}
          </For>
          <li role="separator" />
          <li role="none">
            <button type="button" role="menuitem" onMouseDown={keepFocus} onClick={() => void ask("draft", () => aiApi.translateDraft(id(), props.text()), true)}>
              {t("translateDraft")}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onMouseDown={keepFocus} onClick={() => void ask("draft", () => aiApi.draftReply(id()), false)}>
              {t("draftReply")}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onMouseDown={keepFocus} onClick={() => void ask("summary", () => aiApi.summarise(id()), false)}>
              {t("summarise")}
            </button>
          </li>
        </ul>
      </Show>
    </span>
  );

  const close = () => {
    setShown(null);
    setCopied(false);
  };

  const Panel = () => (
    <div class="ai-assist-panel">
      <Show when={disabledReason()}>
        {(reason) => (
          <p class="composer-hint ai-assist-reason" role="status">
            {reason()}
          </p>
        )}
      </Show>
      <Show when={busy()}>
        <p class="composer-hint" role="status">
          {t("working")}
        </p>
      </Show>
      <ErrorMessage message={error()} class="composer-error" />
      <Show when={shown()}>
        {(s) => (
          <section class="ai-suggestion" aria-label={s().kind === "summary" ? t("summary") : t("suggestion")}>
            <p class="ai-suggestion-head">
              {s().kind === "summary" ? t("summary") : s().suggestion.languageName ? t("suggestionIn", { language: s().suggestion.languageName! }) : t("suggestion")}
            </p>
            <p class="ai-suggestion-text">{s().suggestion.text}</p>
            <Show when={s().suggestion.sources.length > 0}>
              <p class="ai-suggestion-note muted">{t("sources", { titles: s().suggestion.sources.map((x) => x.title).join(", ") })}</p>
            </Show>
            <div class="ai-suggestion-actions">
              <Show
                when={s().kind === "draft"}
                fallback={
                  <button
                    type="button"
                    class="btn"
                    onClick={() => void navigator.clipboard?.writeText(s().suggestion.text).then(() => setCopied(true), () => setCopied(false))}
                  >
                    {copied() ? t("copied") : t("copy")}
                  </button>
                }
              >
                <button
                  type="button"
                  class="btn btn-primary"
                  onClick={() => {
                    props.replace(s().suggestion.text);
                    close();
                    props.focusSend();
                  }}
                >
                  {t("accept")}
                </button>
                <button
                  type="button"
                  class="btn"
                  onClick={() => {
                    props.replace(s().suggestion.text);
                    close();
                  }}
                >
                  {t("edit")}
                </button>
              </Show>
              <button type="button" class="btn btn-ghost" onClick={close}>
                {t("discard")}
              </button>
              <span class="muted ai-suggestion-note">{t("notSent")}</span>
            </div>
          </section>
        )}
      </Show>
    </div>
  );

  return { Button, Panel };
}
