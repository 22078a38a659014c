/**
 * Settings → Data retention (admins, by the shared permission check): turn the policy on with a
 * number of days, see what it would delete now (dry run, also for days not saved yet), and run
 * the saved policy at once. Online only; the server audits saving and every run.
 */
import { SectionNotices } from "../SectionNotices.tsx";
import { createResource, createSignal, Show } from "solid-js";
import { ApiError } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { t } from "./messages.ts";
import { retentionApi } from "./retention-api.ts";
import { parseDays, reportWords } from "./retention-words.ts";

export function RetentionSettings() {
  const { local } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();
  const [policy, { refetch, mutate }] = createResource(() => retentionApi.load().then((r) => r.policy));
  const [enabled, setEnabled] = createSignal<boolean | null>(null);
  const [daysText, setDaysText] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal("");
  // Until the admin touches the form, it shows the saved policy (30 days suggested when off).
  const isOn = () => enabled() ?? policy()?.retentionDays != null;
  const days = () => daysText() ?? String(policy()?.retentionDays ?? 30);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage("");
    setError("");
    try {
      setMessage(await work());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const typedDays = (): number => {
    const n = parseDays(days());
    if (n === null) throw new Error(t("daysMissing"));
    return n;
  };

  const save = (e: Event) => {
    e.preventDefault();
    void act(async () => {
      const saved = (await retentionApi.save(isOn() ? typedDays() : null)).policy;
      mutate(saved);
      setEnabled(null);
      setDaysText(null);
      return saved.retentionDays === null ? t("savedOff") : t("saved", { days: saved.retentionDays });
    });
  };
  const dryRun = () => void act(async () => reportWords(await retentionApi.dryRun(typedDays()), "dryRun"));
  const runNow = () => {
    const saved = policy()?.retentionDays;
    if (saved == null) return setError(t("policyOff"));
    if (!confirm(t("confirmRun", { days: saved }))) return;
    void act(async () => reportWords(await retentionApi.run(), "run"));
  };

  return (
    <section class="settings-section retention-settings" aria-labelledby="retention-settings-title">
      <div class="settings-section-head">
        <h2 id="retention-settings-title">{t("title")}</h2>
      </div>
      <p class="muted">{t("intro")}</p>
      <SectionNotices
        offline={offline()}
        offlineText={t("offline")}
        loadError={policy.error ? (policy.error instanceof Error ? policy.error.message : t("offline")) : null}
        retryText={t("tryAgain")}
        onRetry={() => void refetch()}
      />
      <Show when={policy.state === "ready"} fallback={<Show when={!policy.error}><p class="muted" role="status">{t("loading")}</p></Show>}>
        <form class="retention-form" aria-label={t("policy")} onSubmit={save}>
          <label class="checkbox">
            <input type="checkbox" checked={isOn()} onChange={(e) => setEnabled(e.currentTarget.checked)} /> {t("enabled")}
          </label>
          <label class="field">
            <span>{t("days")}</span>
            <input type="number" min="1" max="3650" step="1" inputmode="numeric" value={days()} disabled={!isOn()} onInput={(e) => setDaysText(e.currentTarget.value)} />
          </label>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" disabled={busy() || offline()}>
              {t("save")}
            </button>
            <button type="button" class="btn" title={t("dryRunHelp")} disabled={busy() || offline() || !isOn()} onClick={dryRun}>
              {t("dryRun")}
            </button>
            <button type="button" class="btn btn-danger" title={t("runNowHelp")} disabled={busy() || offline() || policy()?.retentionDays == null} onClick={runNow}>
              {t("runNow")}
            </button>
          </div>
        </form>
      </Show>
      <p class="form-done" role="status">
        {message()}
      </p>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
