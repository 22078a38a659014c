/** Email and password sign-in. The server's error message is shown as is (it is written for users). */
import { createSignal } from "solid-js";
import { ApiError } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "./messages.ts";

export function SignInScreen() {
  const { session } = useAppState();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!email().trim() || !password()) {
      setError(t("enterBoth"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email().trim(), password());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("somethingWrong"));
      setBusy(false);
    }
  };

  return (
    <main class="centered-screen signin-screen" aria-label={t("signIn")}>
      {/* noValidate: our own messages (and the server's) instead of the browser's bubbles. */}
      <form class="card signin-card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <img class="card-logo" src="/icon.svg" alt="" width="48" height="48" />
        <h1 id="signin-title">{t("signInTitle")}</h1>
        <p class="muted">{t("tagline")}</p>
        <div class="field">
          <label for="signin-email">{t("email")}</label>
          <input
            id="signin-email"
            name="email"
            type="email"
            autocomplete="username"
            inputmode="email"
            required
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="signin-password">{t("password")}</label>
          <input
            id="signin-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <ErrorMessage message={error()} />
        <button type="submit" class="btn btn-primary btn-block" disabled={busy()} aria-busy={busy()}>
          {t("signIn")}
        </button>
      </form>
    </main>
  );
}
