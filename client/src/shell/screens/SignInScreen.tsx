/**
 * Email and password sign-in, then (accounts with two-factor sign-in) the code from the
 * authenticator app or a recovery code. The server's error message is shown as is (it is written
 * for users), except the second step's, said in the UI's language by their reason.
 */
import { createSignal, Show } from "solid-js";
import { ApiError } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { t } from "./messages.ts";

export function SignInScreen() {
  const { session } = useAppState();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [challenge, setChallenge] = createSignal<string | null>(null);
  const [code, setCode] = createSignal("");
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
      const pending = await session.signIn(email().trim(), password());
      if (pending) {
        setChallenge(pending.challenge);
        setPassword("");
        setBusy(false);
      }
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("somethingWrong"));
      setBusy(false);
    }
  };

  const submitCode = async (e: SubmitEvent) => {
    e.preventDefault();
    const pending = challenge();
    if (busy() || !pending) return;
    if (!code().trim()) return setError(t("enterCode"));
    setBusy(true);
    setError(null);
    try {
      await session.signInWithCode(pending, code().trim());
    } catch (err) {
      const reason = err instanceof ApiError ? err.fields?.["reason"] : undefined;
      if (reason === "challenge_gone") {
        setChallenge(null);
        setError(t("challengeGone"));
      } else setError(reason === "wrong_code" ? t("wrongCode") : err instanceof ApiError ? err.message : t("somethingWrong"));
      setCode("");
      setBusy(false);
    }
  };

  return (
    <main class="centered-screen signin-screen" aria-label={t("signIn")}>
      <Show
        when={challenge()}
        fallback={
          // noValidate: our own messages (and the server's) instead of the browser's bubbles.
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
        }
      >
        <form class="card signin-card" onSubmit={(e) => void submitCode(e)} noValidate aria-labelledby="signin-code-title">
          <img class="card-logo" src="/icon.svg" alt="" width="48" height="48" />
          <h1 id="signin-code-title">{t("codeTitle")}</h1>
          <p class="muted">{t("codeIntro")}</p>
          <div class="field">
            <label for="signin-code">{t("codeLabel")}</label>
            <input
              id="signin-code"
              name="code"
              autocomplete="one-time-code"
              inputmode="text"
              autofocus
              value={code()}
              onInput={(e) => setCode(e.currentTarget.value)}
              aria-describedby="signin-code-help"
            />
            <small id="signin-code-help" class="muted">
              {t("codeHelp")}
            </small>
          </div>
          <ErrorMessage message={error()} />
          <button type="submit" class="btn btn-primary btn-block" disabled={busy()} aria-busy={busy()}>
            {t("verify")}
          </button>
          <button
            type="button"
            class="btn btn-ghost btn-block"
            onClick={() => {
              setChallenge(null);
              setError(null);
            }}
          >
            {t("back")}
          </button>
        </form>
      </Show>
    </main>
  );
}
