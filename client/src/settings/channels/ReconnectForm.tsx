/**
 * New credentials for a channel (e.g. its token expired). The server checks them with the
 * platform first; conversations and history stay as they are.
 */
import type { AdminInbox } from "@inbox/shared";
import { createSignal, onMount, Show } from "solid-js";
import { ApiError } from "../../api/http.ts";
import { CREDENTIAL_FIELDS, credentialsFor, formFieldErrors, missingCredentials } from "./channel-credentials.ts";
import { CHANNEL_LABELS } from "../../format/labels.ts";
import { CredentialFields } from "./CredentialFields.tsx";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "../messages.ts";

export function ReconnectForm(props: {
  inbox: AdminInbox;
  /** Offline the platform cannot be asked: the form stays (with what was typed), its submit waits. */
  offline: boolean;
  onReconnect(credentials: Record<string, string>): Promise<AdminInbox>;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const [values, setValues] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const titleId = () => `reconnect-title-${props.inbox.id}`;
  let form!: HTMLFormElement;

  onMount(() => {
    form.scrollIntoView({ block: "nearest" });
    form.querySelector<HTMLInputElement>("input")?.focus();
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy() || props.offline) return;
    const missing = missingCredentials(props.inbox.channel, values());
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setError(t("fillMarked"));
      return;
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const inbox = await props.onReconnect(credentialsFor(props.inbox.channel, values()));
      setValues({});
      props.onDone(t("reconnected", { name: inbox.name }));
    } catch (err) {
      const apiError = err instanceof ApiError ? err : null;
      setError(apiError?.message ?? t("somethingWrong"));
      setErrors(formFieldErrors(apiError?.fields));
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      class="reconnect-form"
      aria-labelledby={titleId()}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy()) props.onCancel();
      }}
    >
      <h3 id={titleId()}>{t("reconnectTitle", { name: props.inbox.name })}</h3>
      <Show
        when={CREDENTIAL_FIELDS[props.inbox.channel].length > 0}
        fallback={<p class="muted">{t("webchatNothingToRenew")}</p>}
      >
        <p class="muted">{t("reconnectIntro", { channel: CHANNEL_LABELS[props.inbox.channel] })}</p>
        <div class="form-grid">
          <CredentialFields
            channel={props.inbox.channel}
            idPrefix={`reconnect-${props.inbox.id}`}
            values={values()}
            errors={errors()}
            onInput={(key, value) => {
              setValues((v) => ({ ...v, [key]: value }));
              setErrors((e) => {
                const { [key]: _, ...rest } = e;
                return rest;
              });
            }}
          />
        </div>
      </Show>
      <ErrorMessage message={error()} />
      <Show when={props.offline && CREDENTIAL_FIELDS[props.inbox.channel].length > 0}>
        <p class="channel-reason" id={`${titleId()}-offline`}>
          {t("actionsOffline")}
        </p>
      </Show>
      <div class="form-actions">
        <Show when={CREDENTIAL_FIELDS[props.inbox.channel].length > 0}>
          <button
            type="submit"
            class="btn btn-primary"
            disabled={busy() || props.offline}
            aria-busy={busy()}
            aria-describedby={props.offline ? `${titleId()}-offline` : undefined}
          >
            {busy() ? t("checking") : t("saveAndReconnect")}
          </button>
        </Show>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
