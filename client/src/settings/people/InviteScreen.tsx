/**
 * "/invite#<token>": the invitee sees who invited them as what, sets their name and password,
 * and is signed in. Works with no session (and replaces one that is there).
 */
import type { InvitationPreview } from "@inbox/shared";
import { createSignal, onMount, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { errorText, t } from "./messages.ts";
import { invitationApi } from "./people-api.ts";

const MIN_PASSWORD = 12;

export function InviteScreen() {
  const { session, router } = useAppState();
  const token = location.hash.slice(1);
  const [preview, setPreview] = createSignal<InvitationPreview | null>(null);
  const [problem, setProblem] = createSignal<string | null>(token ? null : t("noToken"));
  const [name, setName] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [repeat, setRepeat] = createSignal("");
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  onMount(() => {
    if (!token) return;
    invitationApi.preview(token).then(setPreview, (err: unknown) => setProblem(errorText(err)));
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!name().trim()) return setError(t("nameNeeded"));
    if (password().length < MIN_PASSWORD) return setError(t("passwordShort"));
    if (password() !== repeat()) return setError(t("passwordsDiffer"));
    setBusy(true);
    setError("");
    try {
      await invitationApi.accept(token, name().trim(), password());
      // The token must not linger in the address bar or the history.
      history.replaceState(null, "", "/");
      await session.reload();
      router.navigate({ screen: "inbox" }, { replace: true });
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <main class="centered-screen signin-screen" aria-label={t("inviteScreen")}>
      <Show
        when={preview()}
        fallback={
          <div class="card signin-card">
            <img class="card-logo" src="/icon.svg" alt="" width="48" height="48" />
            <h1>{t("inviteScreen")}</h1>
            <Show when={problem()} fallback={<p class="muted" role="status">{t("checking")}</p>}>
              {(p) => (
                <>
                  <p class="form-error" role="alert">
                    {p()}
                  </p>
                  <a class="btn" href="/">
                    {t("goSignIn")}
                  </a>
                </>
              )}
            </Show>
          </div>
        }
      >
        {(p) => (
          <form class="card signin-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-title">
            <img class="card-logo" src="/icon.svg" alt="" width="48" height="48" />
            <h1 id="invite-title">{t("joinTitle", { workspace: p().workspaceName })}</h1>
            <p class="muted">{t("joinAs", { role: p().customRoleName ?? t(`role_${p().role}`), email: p().email })}</p>
            <div class="field">
              <label for="invite-name">{t("yourName")}</label>
              <input id="invite-name" autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <input type="email" autocomplete="username" value={p().email} hidden readOnly />
            <div class="field">
              <label for="invite-password">{t("choosePassword")}</label>
              <input id="invite-password" type="password" autocomplete="new-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} aria-describedby="invite-password-help" />
              <small id="invite-password-help" class="muted">
                {t("passwordHelp")}
              </small>
            </div>
            <div class="field">
              <label for="invite-repeat">{t("repeatPassword")}</label>
              <input id="invite-repeat" type="password" autocomplete="new-password" value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
            </div>
            <Show when={error()}>
              <p class="form-error" role="alert">
                {error()}
              </p>
            </Show>
            <button type="submit" class="btn btn-primary" disabled={busy()}>
              {busy() ? t("joining") : t("join")}
            </button>
          </form>
        )}
      </Show>
    </main>
  );
}
