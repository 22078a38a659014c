/**
 * Settings → AI assistance (admins, or a custom role with "configure AI"): opt-in, provider,
 * address, model, the API key (write-only: the server says only whether one is saved) and
 * redaction; "Test connection" asks the saved provider for one word. Online only.
 */
import { AiSettingsResponseSchema, AiTestResponseSchema, type AiProviderKind, type AiSettings } from "@inbox/shared/api/ai";
import { createSignal, onMount, Show } from "solid-js";
import { request } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { refreshAiStatus } from "../../composer/index.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { SectionNotices } from "../SectionNotices.tsx";
import { t } from "./messages.ts";

const aiSettingsApi = {
  read: () => request("/api/admin/ai", { schema: AiSettingsResponseSchema }),
  save: (body: unknown) => request("/api/admin/ai", { method: "PUT", body, schema: AiSettingsResponseSchema }),
  test: () => request("/api/admin/ai/test", { method: "POST", schema: AiTestResponseSchema }),
};

export function AiSettingsSection() {
  const { local } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();
  const [saved, setSaved] = createSignal<AiSettings | null>(null);
  const [enabled, setEnabled] = createSignal(false);
  const [provider, setProvider] = createSignal<AiProviderKind>("openai-compatible");
  const [baseUrl, setBaseUrl] = createSignal("");
  const [model, setModel] = createSignal("");
  const [apiKey, setApiKey] = createSignal("");
  const [clearKey, setClearKey] = createSignal(false);
  const [redact, setRedact] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal("");
  const [testing, setTesting] = createSignal(false);
  const [testResult, setTestResult] = createSignal<{ ok: boolean; message: string } | null>(null);

  const show = (s: AiSettings) => {
    setSaved(s);
    setEnabled(s.enabled);
    setProvider(s.provider);
    setBaseUrl(s.baseUrl);
    setModel(s.model);
    setRedact(s.redact);
    setApiKey("");
    setClearKey(false);
  };
  onMount(() => aiSettingsApi.read().then((r) => show(r.settings), (err: unknown) => setError((err as Error).message)));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setDone("");
    setError(null);
    setTestResult(null);
    const key = apiKey().trim();
    try {
      const r = await aiSettingsApi.save({ enabled: enabled(), provider: provider(), baseUrl: baseUrl().trim(), model: model().trim(), redact: redact(), ...(key ? { apiKey: key } : {}), ...(clearKey() ? { clearKey: true } : {}) });
      show(r.settings);
      setDone(t("saved"));
      void refreshAiStatus();
    } catch (err) {
      const e2 = err as { fields?: Record<string, string>; message?: string };
      const reason = e2.fields?.["reason"];
      setError(reason === "address_refused" ? t("reason_address_refused") : reason === "workers_ai_unavailable" ? t("reason_workers_ai_unavailable") : (e2.message ?? String(err)));
    }
  };

  const test = async () => {
    setTesting(true);
    setTestResult(null);
    try {
      setTestResult(await aiSettingsApi.test());
    } catch (err) {
      setTestResult({ ok: false, message: (err as Error).message });
    } finally {
      setTesting(false);
    }
  };

  return (
    <section class="settings-section ai-settings" aria-labelledby="ai-settings-title">
      <div class="settings-section-head">
        <h2 id="ai-settings-title">{t("title")}</h2>
      </div>
      <p class="muted">{t("intro")}</p>
      <SectionNotices offline={offline()} offlineText={t("offline")} />
      <Show when={saved()} fallback={<ErrorMessage message={error()} />}>
        {(s) => (
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("title")}>
            <div class="field field-check">
              <label>
                <input type="checkbox" checked={enabled()} onChange={(e) => setEnabled(e.currentTarget.checked)} /> {t("enabled")}
              </label>
            </div>
            <div class="field">
              <label for="ai-provider">{t("provider")}</label>
              <select id="ai-provider" class="select" value={provider()} onChange={(e) => setProvider(e.currentTarget.value as AiProviderKind)}>
                <option value="openai-compatible">{t("provider_openai")}</option>
                <option value="workers-ai" disabled={!s().workersAiAvailable}>
                  {t("provider_workers")}
                </option>
              </select>
              <Show when={!s().workersAiAvailable}>
                <small class="muted">{t("workersUnavailable")}</small>
              </Show>
            </div>
            <Show when={provider() === "openai-compatible"}>
              <div class="field">
                <label for="ai-base-url">{t("baseUrl")}</label>
                <input id="ai-base-url" type="url" value={baseUrl()} onInput={(e) => setBaseUrl(e.currentTarget.value)} placeholder="https://api.openai.com/v1" aria-describedby="ai-base-url-help" />
                <small id="ai-base-url-help" class="muted">
                  {t("baseUrlHelp", { url: baseUrl().trim().replace(/\/+$/, "") || "https://…" })}
                </small>
              </div>
            </Show>
            <div class="field">
              <label for="ai-model">{t("model")}</label>
              <input id="ai-model" value={model()} onInput={(e) => setModel(e.currentTarget.value)} aria-describedby="ai-model-help" />
              <small id="ai-model-help" class="muted">
                {t("modelHelp")}
              </small>
            </div>
            <Show when={provider() === "openai-compatible"}>
              <div class="field">
                <label for="ai-key">{t("apiKey")}</label>
                <input id="ai-key" type="password" autocomplete="off" value={apiKey()} onInput={(e) => setApiKey(e.currentTarget.value)} placeholder={s().hasKey ? t("apiKeySet") : t("apiKeyUnset")} aria-describedby="ai-key-help" />
                <small id="ai-key-help" class="muted">
                  {s().hasKey ? t("apiKeySet") : t("apiKeyUnset")} {t("apiKeyHelp")}
                </small>
                <Show when={s().hasKey}>
                  <label>
                    <input type="checkbox" checked={clearKey()} onChange={(e) => setClearKey(e.currentTarget.checked)} /> {t("clearKey")}
                  </label>
                </Show>
              </div>
            </Show>
            <div class="field field-check">
              <label>
                <input type="checkbox" checked={redact()} onChange={(e) => setRedact(e.currentTarget.checked)} aria-describedby="ai-redact-help" /> {t("redact")}
              </label>
              <small id="ai-redact-help" class="muted">
                {t("redactHelp")}
              </small>
            </div>
            <ErrorMessage message={error()} />
            <p role="status" class="form-done">
              {done()}
            </p>
            <div class="settings-actions">
              <button type="submit" class="btn btn-primary" disabled={offline()}>
                {t("save")}
              </button>
              <button type="button" class="btn" disabled={offline() || testing()} onClick={() => void test()}>
                {testing() ? t("testing") : t("test")}
              </button>
            </div>
            <Show when={testResult()}>
              {(r) => (
                <p class={r().ok ? "form-done ai-test-ok" : "form-error ai-test-failed"} role="status">
                  {r().message}
                </p>
              )}
            </Show>
          </form>
        )}
      </Show>
    </section>
  );
}
