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
  const screen = () => router.route().screen;
  return (
    <>
      <Show when={canSupervise(props.user)}>
        <PlaceOrBack here={screen() === "supervision"} class="header-supervision" label={t("supervision")} go={() => router.navigate({ screen: "supervision", wall: false })} />
      </Show>
      <PlaceOrBack here={screen() === "reports"} class="header-reports" label={t("reports")} go={() => router.navigate({ screen: "reports" })} />
      <Show when={props.user.role === "agent"}>
        <MyNumbers />
      </Show>
      <Show when={canOpenSettings(props.user)}>
        <PlaceOrBack here={screen() === "settings"} class="header-settings" label={t("settings")} go={() => router.navigate({ screen: "settings", reconnect: null })} />
      </Show>
      <button
        type="button"
        class="btn header-profile"
        aria-current={screen() === "profile" ? "page" : undefined}
        onClick={() => router.navigate({ screen: "profile" })}
      >
        {t("profile")}
      </button>
    </>
  );
}

/** A place's button, which on that place becomes "← Back to inbox". */
function PlaceOrBack(props: { here: boolean; class: string; label: string; go(): void }) {
  const { router } = useAppState();
  return (
    <Show
      when={props.here}
      fallback={
        <button type="button" class={`btn ${props.class}`} onClick={() => props.go()}>
          {props.label}
        </button>
      }
    >
      <button type="button" class={`btn ${props.class}`} onClick={() => router.navigate({ screen: "inbox" })}>
        <span aria-hidden="true">←</span> <span class="header-settings-text">{t("backToInbox")}</span>
      </button>
    </Show>
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
