/** Email and password sign-in. The server's error message is shown as is (it is written for users). */
import { createSignal } from "solid-js";
import { ApiError } from "../api/http.ts";
import { useAppState } from "../state/app-state.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";

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
      setError("Enter your email and password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email().trim(), password());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Something went wrong. Try again.");
      setBusy(false);
    }
  };

  return (
    <main class="centered-screen signin-screen" aria-label="Sign in">
      {/* noValidate: our own messages (and the server's) instead of the browser's bubbles. */}
      <form class="card signin-card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <img class="card-logo" src="/icon.svg" alt="" width="48" height="48" />
        <h1 id="signin-title">Sign in to Inbox</h1>
        <p class="muted">Answer every channel from one place.</p>
        <div class="field">
          <label for="signin-email">Email</label>
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
          <label for="signin-password">Password</label>
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
          Sign in
        </button>
      </form>
    </main>
  );
}
