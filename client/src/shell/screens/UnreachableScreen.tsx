/**
 * The app was opened while the server can't be reached. The session may well still be valid,
 * so this offers to try again (it also retries by itself when the browser comes back online)
 * rather than asking for a password.
 */
import { createSignal } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { t } from "./messages.ts";

export function UnreachableScreen() {
  const { session } = useAppState();
  const [busy, setBusy] = createSignal(false);
  const retry = async () => {
    setBusy(true);
    await session.reload();
    setBusy(false);
  };
  return (
    <main class="centered-screen" aria-label={t("offline")}>
      <div class="card">
        <img class="card-logo" src="/icon.svg" alt="" width="48" height="48" />
        <h1>{t("unreachableTitle")}</h1>
        <p class="muted" role="alert">
          {t("unreachableText")}
        </p>
        <button type="button" class="btn btn-primary" onClick={retry} disabled={busy()} aria-busy={busy()}>
          {t("tryAgain")}
        </button>
      </div>
    </main>
  );
}
