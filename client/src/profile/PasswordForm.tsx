/** Changing one's password: the current one and a new one (twice); the server ends the other sessions. */
import { MIN_PASSWORD_LENGTH } from "@inbox/shared/api/account";
import { createSignal } from "solid-js";
import { formatDateTime } from "../format/time.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { errorText, t } from "./messages.ts";
import { profileApi } from "./profile-api.ts";

export function PasswordForm(props: { changedAt: number | null; disabled: boolean; onChanged: () => void }) {
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [repeat, setRepeat] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setDone("");
    if (next().length < MIN_PASSWORD_LENGTH) return setError(t("passwordShort"));
    if (next() !== repeat()) return setError(t("passwordsDiffer"));
    setBusy(true);
    setError(null);
    try {
      const { endedSessions } = await profileApi.changePassword({ currentPassword: current(), newPassword: next() });
      setCurrent("");
      setNext("");
      setRepeat("");
      setDone(t("passwordChanged", { count: endedSessions }));
      props.onChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="profile-section" aria-labelledby="profile-password-title">
      <h2 id="profile-password-title">{t("passwordTitle")}</h2>
      {props.changedAt !== null ? <p class="muted">{t("passwordChangedAt", { date: formatDateTime(props.changedAt) })}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("changePassword")}>
        <div class="field">
          <label for="password-current">{t("currentPassword")}</label>
          <input id="password-current" type="password" autocomplete="current-password" value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="password-new">{t("newPassword")}</label>
          <input id="password-new" type="password" autocomplete="new-password" value={next()} onInput={(e) => setNext(e.currentTarget.value)} aria-describedby="password-new-help" />
          <small id="password-new-help" class="muted">
            {t("passwordHelp")}
          </small>
        </div>
        <div class="field">
          <label for="password-repeat">{t("repeatPassword")}</label>
          <input id="password-repeat" type="password" autocomplete="new-password" value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
        </div>
        <ErrorMessage message={error()} />
        <p role="status" class="form-done">
          {done()}
        </p>
        <button type="submit" class="btn btn-primary" disabled={props.disabled || busy()} aria-busy={busy()}>
          {t("changePassword")}
        </button>
      </form>
    </section>
  );
}
