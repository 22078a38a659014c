/**
 * Settings → Security (admins): require two-factor sign-in of admins or everyone, and how long
 * a sign-in lasts. Online only; the server records each change in the audit log.
 */
import { SectionNotices } from "../SectionNotices.tsx";
import { REQUIRE_2FA, WorkspaceSecurityResponseSchema, type Require2fa } from "@inbox/shared/api/account";
import { createSignal, For, onMount, Show } from "solid-js";
import { request } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "./messages.ts";

const securityApi = {
  read: () => request("/api/admin/security", { schema: WorkspaceSecurityResponseSchema }),
  save: (require2fa: Require2fa, sessionHours: number | null) => request("/api/admin/security", { method: "PUT", body: { require2fa, sessionHours }, schema: WorkspaceSecurityResponseSchema }),
};

export function SecuritySettings() {
  const { local } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();
  const [loaded, setLoaded] = createSignal(false);
  const [require2fa, setRequire2fa] = createSignal<Require2fa>("none");
  const [hours, setHours] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal("");

  const show = (s: { require2fa: Require2fa; sessionHours: number | null }) => {
    setRequire2fa(s.require2fa);
    setHours(s.sessionHours === null ? "" : String(s.sessionHours));
    setLoaded(true);
  };
  onMount(() => securityApi.read().then((r) => show(r.security), (err: unknown) => setError((err as Error).message)));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setDone("");
    const text = hours().trim();
    const sessionHours = text === "" ? null : Number(text);
    if (sessionHours !== null && (!Number.isInteger(sessionHours) || sessionHours < 1 || sessionHours > 720)) return setError(t("hoursInvalid"));
    setError(null);
    try {
      show((await securityApi.save(require2fa(), sessionHours)).security);
      setDone(t("saved"));
    } catch (err) {
      const e2 = err as { fields?: Record<string, string>; message?: string };
      setError(e2.fields?.["reason"] === "enrol_first" ? t("reason_enrol_first") : (e2.message ?? String(err)));
    }
  };

  return (
    <section class="settings-section security-settings" aria-labelledby="security-settings-title">
      <div class="settings-section-head">
        <h2 id="security-settings-title">{t("title")}</h2>
      </div>
      <p class="muted">{t("intro")}</p>
      <SectionNotices offline={offline()} offlineText={t("offline")} />
      <Show when={loaded()} fallback={<ErrorMessage message={error()} />}>
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("title")}>
          <div class="field">
            <label for="security-require">{t("require2fa")}</label>
            <select id="security-require" class="select" value={require2fa()} onChange={(e) => setRequire2fa(e.currentTarget.value as Require2fa)} aria-describedby="security-require-help">
              <For each={REQUIRE_2FA}>{(r) => <option value={r}>{t(`require_${r}`)}</option>}</For>
            </select>
            <small id="security-require-help" class="muted">
              {t("requireHelp")}
            </small>
          </div>
          <div class="field">
            <label for="security-hours">{t("sessionHours")}</label>
            <input id="security-hours" inputmode="numeric" value={hours()} onInput={(e) => setHours(e.currentTarget.value)} aria-describedby="security-hours-help" />
            <small id="security-hours-help" class="muted">
              {t("sessionHoursHelp")}
            </small>
          </div>
          <ErrorMessage message={error()} />
          <p role="status" class="form-done">
            {done()}
          </p>
          <button type="submit" class="btn btn-primary" disabled={offline()}>
            {t("save")}
          </button>
        </form>
      </Show>
    </section>
  );
}
