/**
 * "Translate" on a customer's message in the timeline (issue 15): asks the workspace's AI for
 * the message in the agent's language and shows it under the original, which stays as it was.
 * Shown only where AI assistance is on; offline the action is disabled and says why.
 */
import { createSignal, Show } from "solid-js";
import type { AiSuggestion } from "@inbox/shared/api/ai";
import { aiApi, aiStatus } from "./ai-api.ts";
import { aiErrorWords, t } from "./messages.ts";
import "./ai.css";

export function MessageTranslation(props: { conversationId: string; messageId: string; offline: boolean }) {
  const [translation, setTranslation] = createSignal<AiSuggestion | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const translate = async () => {
    setBusy(true);
    setError(null);
    try {
      setTranslation(await aiApi.translateMessage(props.conversationId, props.messageId));
    } catch (err) {
      setError(aiErrorWords(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show when={aiStatus()?.available || translation()}>
      <div class="msg-translation-box">
        <Show
          when={translation()}
          fallback={
            <button type="button" class="btn-link msg-translate" disabled={busy() || props.offline} title={props.offline ? t("offline") : undefined} onClick={() => void translate()}>
              {busy() ? t("translating") : t("translate")}
            </button>
          }
        >
          {(tr) => (
            <div class="msg-translation" lang={tr().language ?? undefined}>
              <p class="msg-translation-head">{t("translation", { language: tr().languageName ?? "" })}</p>
              <p class="msg-translation-text">{tr().text}</p>
              <button type="button" class="btn-link msg-translate" onClick={() => setTranslation(null)}>
                {t("hideTranslation")}
              </button>
            </div>
          )}
        </Show>
        <Show when={error()}>
          {(e) => (
            <p class="form-error msg-translation-error" role="alert">
              {e()}
            </p>
          )}
        </Show>
      </div>
    </Show>
  );
}
