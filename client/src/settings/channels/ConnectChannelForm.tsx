/**
 * "Connect a channel": name, channel, team, the platform's credentials (checked with the
 * platform by the server before anything is saved; a refusal says why), and for testing an
 * API base URL. Web chat needs no credentials, only how its widget greets.
 */
import { CHANNEL_TYPES, type AdminInbox, type ChannelType, type ConnectInboxRequest, type Team } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../api/http.ts";
import { CREDENTIAL_FIELDS, credentialsFor, formFieldErrors, missingCredentials, SETTING_FIELDS } from "./channel-credentials.ts";
import { CHANNEL_LABELS } from "../../format/labels.ts";
import { CredentialFields } from "./CredentialFields.tsx";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "../messages.ts";

const DEFAULT_CHANNEL: ChannelType = "whatsapp";

export function ConnectChannelForm(props: { teams: readonly Team[]; offline: boolean; onConnect(body: ConnectInboxRequest): Promise<AdminInbox> }) {
  const [name, setName] = createSignal("");
  const [channel, setChannel] = createSignal<ChannelType>(DEFAULT_CHANNEL);
  const [teamId, setTeamId] = createSignal("");
  const [credentials, setCredentials] = createSignal<Record<string, string>>({});
  const [settings, setSettings] = createSignal<Record<string, string>>({});
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const team = () => teamId() || props.teams[0]?.id || "";
  const clearError = (key: string) =>
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _, ...rest } = e;
      return rest;
    });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setDone(null);
    const ch = channel();
    const problems: Record<string, string> = { ...missingCredentials(ch, credentials()) };
    if (!name().trim()) problems.name = t("nameMissing");
    if (!team()) problems.teamId = t("teamMissing");
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setError(t("fillMarked"));
      return;
    }
    const extra: Record<string, string> = {};
    for (const f of SETTING_FIELDS[ch]) {
      const v = (settings()[f.key] ?? "").trim();
      if (v) extra[f.key] = v;
    }
    const body: ConnectInboxRequest = {
      name: name().trim(),
      channel: ch,
      teamId: team(),
      credentials: credentialsFor(ch, credentials()),
      ...(Object.keys(extra).length > 0 ? { settings: extra } : {}),
    };
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const inbox = await props.onConnect(body);
      setDone(
        inbox.webhookUrl
          ? t("connectedWebhook", { name: inbox.name })
          : t("connectedEmbed", { name: inbox.name }),
      );
      // Secrets do not stay in the page longer than needed.
      setName("");
      setCredentials({});
      setSettings({});
    } catch (err) {
      const apiError = err instanceof ApiError ? err : null;
      setError(apiError?.message ?? t("somethingWrong"));
      setErrors(formFieldErrors(apiError?.fields));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (key: string) => errors()[key];

  return (
    <form class="connect-form" aria-labelledby="connect-title" noValidate onSubmit={submit}>
      <h2 id="connect-title">{t("connectTitle")}</h2>
      <p class="muted">{t("connectIntro")}</p>
      <div class="form-grid">
        <div class="field">
          <label for="connect-name">{t("name")}</label>
          <input
            id="connect-name"
            type="text"
            maxLength={120}
            placeholder={t("namePlaceholder")}
            value={name()}
            aria-invalid={fieldError("name") ? "true" : undefined}
            aria-describedby={fieldError("name") ? "connect-name-error" : undefined}
            onInput={(e) => {
              setName(e.currentTarget.value);
              clearError("name");
            }}
          />
          <Show when={fieldError("name")}>
            <p class="field-error" id="connect-name-error">
              {fieldError("name")}
            </p>
          </Show>
        </div>
        <div class="field">
          <label for="connect-channel">{t("channel")}</label>
          <select
            id="connect-channel"
            class="select"
            onChange={(e) => {
              setChannel(e.currentTarget.value as ChannelType);
              setCredentials({});
              setSettings({});
              setErrors({});
              setError(null);
            }}
          >
            <For each={CHANNEL_TYPES}>
              {(c) => (
                <option value={c} selected={c === channel()}>
                  {CHANNEL_LABELS[c]}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="connect-team">{t("team")}</label>
          <select
            id="connect-team"
            class="select"
            aria-invalid={fieldError("teamId") ? "true" : undefined}
            aria-describedby={fieldError("teamId") ? "connect-team-error" : undefined}
            onChange={(e) => {
              setTeamId(e.currentTarget.value);
              clearError("teamId");
            }}
          >
            <For each={props.teams}>
              {(t) => (
                <option value={t.id} selected={t.id === team()}>
                  {t.name}
                </option>
              )}
            </For>
          </select>
          <Show when={fieldError("teamId")}>
            <p class="field-error" id="connect-team-error">
              {fieldError("teamId")}
            </p>
          </Show>
        </div>
      </div>

      <fieldset class="credentials-fieldset">
        <legend>{t("credentialsOf", { channel: CHANNEL_LABELS[channel()] })}</legend>
        <Show when={CREDENTIAL_FIELDS[channel()].length > 0} fallback={<p class="muted">{t("webchatNoCredentials")}</p>}>
          <div class="form-grid">
            <CredentialFields
              channel={channel()}
              idPrefix="connect-cred"
              values={credentials()}
              errors={errors()}
              onInput={(key, value) => {
                setCredentials((c) => ({ ...c, [key]: value }));
                clearError(key);
              }}
            />
          </div>
        </Show>
        <Show when={SETTING_FIELDS[channel()].length > 0}>
          <div class="form-grid">
            <For each={SETTING_FIELDS[channel()]}>
              {(f) => (
                <div class="field">
                  <label for={`connect-setting-${f.key}`}>{f.label()}</label>
                  <input
                    id={`connect-setting-${f.key}`}
                    type={f.type}
                    placeholder={f.placeholder?.()}
                    value={settings()[f.key] ?? (f.type === "color" ? "#2563eb" : "")}
                    onInput={(e) => setSettings((s) => ({ ...s, [f.key]: e.currentTarget.value }))}
                  />
                </div>
              )}
            </For>
          </div>
        </Show>
      </fieldset>

      <ErrorMessage message={error()} />
      <p class="form-done" role="status">
        {done() ?? ""}
      </p>
      <div class="form-actions">
        <button
          type="submit"
          class="btn btn-primary"
          disabled={busy() || props.offline}
          aria-busy={busy()}
          aria-describedby={props.offline ? "connect-offline" : undefined}
        >
          {busy() ? t("checking") : t("connectChannel")}
        </button>
        <Show when={props.offline}>
          <p class="channel-reason" id="connect-offline">
            {t("actionsOffline")}
          </p>
        </Show>
      </div>
    </form>
  );
}
