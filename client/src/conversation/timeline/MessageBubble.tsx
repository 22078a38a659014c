/**
 * One message: customer on the left, agent or bot on the right, system events centred. A failed
 * reply shows why, with a Retry that asks the server to send it again; a reply that may not have
 * been sent (the server stopped mid-send on a channel that cannot tell) says so, and sending it
 * again is the agent's deliberate choice.
 */
import type { Message } from "@inbox/shared";
import { createSignal, Show } from "solid-js";
import type { LocalDb } from "../../local/db.ts";
import { putMessages } from "../../local/store.ts";
import { messageSide, type ChoiceAnswer } from "./timeline.ts";
import { chatApi } from "./chat-api.ts";
import { t } from "./messages.ts";
import { Time } from "./Time.tsx";
import { DeliveryStatus } from "./DeliveryStatus.tsx";
import { MessageContent } from "./MessageContent.tsx";
import { MessageTranslation } from "../../composer/index.ts";
import { MessageInsightChips } from "../../insights/index.ts";

function Failure(props: { message: Message; offline?: boolean; db?: LocalDb | null; onRetried?: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const unconfirmed = () => props.message.status === "unconfirmed";
  // What "may not have been sent" means is the same whatever the channel: said in the agent's language.
  const reason = () => (unconfirmed() ? t("unconfirmedHint") : props.message.failureReason?.trim() || null);
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      const { message } = await chatApi.retry(props.message.id);
      // The room shows it too; storing it makes the bubble change at once and offline.
      if (props.db) await putMessages(props.db, [message]).catch(() => {});
      props.onRetried?.();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="msg-failure" classList={{ "msg-unconfirmed": unconfirmed() }}>
      <span class="failed-badge">{unconfirmed() ? t("unconfirmed") : t("failed")}</span>
      <Show when={reason()}>
        <span class="msg-failure-reason">{reason()}</span>
      </Show>
      <button
        type="button"
        class="btn btn-small msg-retry"
        onClick={retry}
        disabled={busy() || props.offline}
      >
        {busy() ? t("retrying") : unconfirmed() ? t("sendAgain") : t("retry")}
      </button>
      {/* Retrying asks the server at once (it is not queued on the device): say why it waits. */}
      <Show when={props.offline}>
        <span class="msg-retry-hint">{t("retryOffline")}</span>
      </Show>
      <Show when={error()}>
        <span class="msg-retry-error" role="alert">
          {error()}
        </span>
      </Show>
    </div>
  );
}

export function MessageBubble(props: {
  message: Message;
  offline?: boolean;
  onMediaLoad?: () => void;
  /** This customer message answers buttons / quick replies. */
  answer?: ChoiceAnswer | null;
  /** Buttons / quick replies: the choice the customer answered with. */
  chosenId?: string | null;
  db?: LocalDb | null;
  onRetried?: () => void;
}) {
  const m = () => props.message;
  const side = () => messageSide(m());
  const failed = () => m().direction === "outbound" && (m().status === "failed" || m().status === "unconfirmed");
  const customerText = () => {
    const c = m().content;
    return m().senderKind === "customer" && c.kind === "text" && c.text.trim() !== "" ? c.text : null;
  };
  return (
    <Show
      when={side() !== "center"}
      fallback={
        <li class="msg msg-center" data-id={m().id}>
          <div class="msg-system">
            <MessageContent content={m().content} senderName={m().senderName} messageId={m().id} />
            <Time at={m().createdAt} />
          </div>
        </li>
      }
    >
      <li
        class={`msg msg-${side()} msg-from-${m().senderKind}`}
        classList={{ "msg-failed": failed(), "msg-pending": m().status === "queued" }}
        data-id={m().id}
      >
        <div class="bubble">
          <span class="msg-sender">
            {m().senderName}
            <Show when={m().senderKind === "bot"}>
              <span class="bot-tag">{t("bot")}</span>
            </Show>
            <Show when={templateOf(m())}>
              {(tpl) => (
                <span class="bot-tag template-tag" title={t("templateTitle", { name: tpl().name, language: tpl().language })}>
                  {t("template")}
                </span>
              )}
            </Show>
          </span>
          <Show when={props.answer}>
            {(a) => (
              <a class="msg-answer-to" href={`#msg-${a().questionId}`} onClick={(e) => jumpTo(e, a().questionId)}>
                <span aria-hidden="true">↩ </span>
                {t("answerTo", { question: a().question })}
              </a>
            )}
          </Show>
          <MessageContent content={m().content} senderName={m().senderName} messageId={m().id} chosenId={props.chosenId} onMediaLoad={props.onMediaLoad} />
          <Show when={customerText()}>
            {(text) => <MessageInsightChips text={text()} />}
          </Show>
          <Show when={m().senderKind === "customer" && m().content.kind === "text"}>
            <MessageTranslation conversationId={m().conversationId} messageId={m().id} offline={!!props.offline} />
          </Show>
          <Show when={failed()}>
            <Failure message={m()} offline={props.offline} db={props.db} onRetried={props.onRetried} />
          </Show>
          <span class="msg-meta">
            <Time at={m().createdAt} />
            <DeliveryStatus message={m()} offline={props.offline} />
          </span>
        </div>
      </li>
    </Show>
  );
}

/** A WhatsApp template this message was sent as (its text, or its file's caption, is the rendered template). */
function templateOf(m: Message) {
  return "template" in m.content ? (m.content.template ?? null) : null;
}

/** The answer's link scrolls to the question in the same timeline (no URL change). */
function jumpTo(e: MouseEvent, messageId: string) {
  e.preventDefault();
  const box = (e.currentTarget as HTMLElement).closest<HTMLElement>(".timeline");
  const target = box?.querySelector<HTMLElement>(`[data-id="${CSS.escape(messageId)}"]`);
  if (!box || !target) return;
  // Scroll the timeline only, centring the question (scrollIntoView would move the page too).
  const offset = target.getBoundingClientRect().top - box.getBoundingClientRect().top - (box.clientHeight - target.offsetHeight) / 2;
  box.scrollBy({ top: offset, behavior: "smooth" });
  target.classList.add("msg-flash");
  setTimeout(() => target.classList.remove("msg-flash"), 1200);
}
