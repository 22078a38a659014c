/**
 * The platform's view of a channel's webhook, for channels whose webhook the server registers
 * (Telegram): "Webhook: registered at … / not registered", the platform's last delivery error,
 * and "Register again" for the admin. Asked from the platform when the row is shown.
 */
import type { ChannelWebhook } from "@inbox/shared";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { api } from "../../api/endpoints.ts";
import { useAppState } from "../../app/index.ts";
import { asApiError } from "../../api/http.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "./webhook-messages.ts";
import { webhookLines } from "./webhook-status.ts";

export function WebhookStatus(props: { inboxId: string; name: string; disabled: boolean; onMessage(text: string): void }) {
  const [view, setView] = createSignal<ChannelWebhook | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const { local } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();

  // Asked again when the channel is disabled or enabled (that removes or registers the webhook),
  // and when the connection returns; offline the platform cannot be asked, which is no error.
  createEffect(
    on(
      [() => props.disabled, offline],
      ([, off]) => {
        if (off) return;
        api.inboxWebhook(props.inboxId).then(
          ({ webhook }) => {
            setView(webhook);
            setError(null);
          },
          (err: unknown) => setError(asApiError(err).message),
        );
      },
    ),
  );

  const registerAgain = async () => {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      const { webhook } = await api.registerInboxWebhook(props.inboxId);
      setView(webhook);
      props.onMessage(t(webhook.registered ? "webhookDone" : "webhookNotDone", { name: props.name }));
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const lines = () => {
    const v = view();
    return v ? webhookLines(v) : null;
  };

  return (
    <div class="channel-webhook">
      <Show when={lines()} fallback={<p class="channel-reason">{offline() ? t("webhookOffline") : error() ? t("webhookUnknown") : t("webhookChecking")}</p>}>
        {(l) => (
          <>
            <p class="channel-reason">{l().headline}</p>
            <For each={l().details}>{(line) => <p class="channel-reason">{line}</p>}</For>
          </>
        )}
      </Show>
      <Show when={!props.disabled && !offline()}>
        <button
          type="button"
          class="btn"
          aria-label={t("registerAgainFor", { name: props.name })}
          // Not `disabled` while busy: that would drop the keyboard focus; registerAgain() ignores repeats.
          aria-disabled={busy()}
          aria-busy={busy()}
          onClick={() => void registerAgain()}
        >
          {t("registerAgain")}
        </button>
      </Show>
      <ErrorMessage message={error()} />
    </div>
  );
}
