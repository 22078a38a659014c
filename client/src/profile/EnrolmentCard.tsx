/**
 * What a person sees when their workspace requires two-factor sign-in and they have not set it
 * up: nothing but the setup (the server refuses everything else), and a way to sign out.
 */
import { useAppState } from "../app/index.ts";
import { t } from "./messages.ts";
import { TwoFactorSetup } from "./TwoFactorSetup.tsx";

export function EnrolmentCard() {
  const { session } = useAppState();
  return (
    <main class="centered-screen signin-screen" aria-labelledby="enrol-title">
      <div class="card signin-card enrol-card">
        <img class="card-logo" src="/icon.svg" alt="" width="48" height="48" />
        <h1 id="enrol-title">{t("enrolTitle")}</h1>
        <p class="muted">{t("enrolIntro", { workspace: session.enrolment()?.workspace.name ?? "" })}</p>
        <TwoFactorSetup onDone={() => void session.reload()} />
        <button type="button" class="btn btn-ghost" onClick={() => void session.signOut()}>
          {t("signOutInstead")}
        </button>
      </div>
    </main>
  );
}
