/**
 * Where the signed-in user can go from the header (Supervision, Reports, My day, Settings,
 * Profile) as each role has them, and Sign out. The same buttons sit in the header's row on wide
 * screens and in its menu on phones (AppHeader decides).
 */
import { Show } from "solid-js";
import type { MeResponse } from "@inbox/shared";
import { useAppState } from "../app/index.ts";
import { canOpenSettings } from "../settings/index.ts";
import { canSupervise, MyNumbers } from "../supervision/index.ts";
import { t } from "./messages.ts";

export function HeaderActions(props: { user: MeResponse["user"] }) {
  const { router } = useAppState();
  const onSettings = () => router.route().screen === "settings";
  return (
    <>
      <Show when={canSupervise(props.user)}>
        <Show
          when={router.route().screen === "supervision"}
          fallback={
            <button type="button" class="btn header-supervision" onClick={() => router.navigate({ screen: "supervision", wall: false })}>
              {t("supervision")}
            </button>
          }
        >
          <button type="button" class="btn header-supervision" onClick={() => router.navigate({ screen: "inbox" })}>
            <span aria-hidden="true">←</span> <span class="header-settings-text">{t("backToInbox")}</span>
          </button>
        </Show>
      </Show>
      <Show
        when={router.route().screen === "reports"}
        fallback={
          <button type="button" class="btn header-reports" onClick={() => router.navigate({ screen: "reports" })}>
            {t("reports")}
          </button>
        }
      >
        <button type="button" class="btn header-reports" onClick={() => router.navigate({ screen: "inbox" })}>
          <span aria-hidden="true">←</span> <span class="header-settings-text">{t("backToInbox")}</span>
        </button>
      </Show>
      <Show when={props.user.role === "agent"}>
        <MyNumbers />
      </Show>
      <Show when={canOpenSettings(props.user)}>
        <Show
          when={onSettings()}
          fallback={
            <button type="button" class="btn header-settings" onClick={() => router.navigate({ screen: "settings", reconnect: null })}>
              {t("settings")}
            </button>
          }
        >
          <button type="button" class="btn header-settings" onClick={() => router.navigate({ screen: "inbox" })}>
            <span aria-hidden="true">←</span> <span class="header-settings-text">{t("backToInbox")}</span>
          </button>
        </Show>
      </Show>
      <button
        type="button"
        class="btn header-profile"
        aria-current={router.route().screen === "profile" ? "page" : undefined}
        onClick={() => router.navigate({ screen: "profile" })}
      >
        {t("profile")}
      </button>
    </>
  );
}

export function SignOutButton() {
  const { session } = useAppState();
  return (
    <button
      type="button"
      class="btn btn-ghost header-sign-out"
      disabled={session.signingOut()}
      aria-busy={session.signingOut()}
      onClick={() => void session.signOut()}
    >
      {t("signOut")}
    </button>
  );
}
