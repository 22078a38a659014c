/** Shown while the app asks the server who is signed in. */
import { t } from "./messages.ts";

export function LoadingScreen() {
  return (
    <main class="centered-screen" aria-label={t("loading")}>
      <p class="loading-text" role="status">
        {t("loadingInbox")}
      </p>
    </main>
  );
}
