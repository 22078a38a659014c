/** Top bar: product and workspace, the connection badge, who is signed in, and Sign out. */
import { Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { NotificationBell } from "../notifications/index.ts";
import { AvailabilitySwitch } from "../routing/index.ts";
import { canOpenSettings } from "../settings/index.ts";
import { canSupervise, MyNumbers } from "../supervision/index.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { ConnectionBadge } from "./ConnectionBadge.tsx";
import { HeaderTools } from "./HeaderTools.tsx";
import { t } from "./messages.ts";

export function AppHeader() {
  const { session, router } = useAppState();
  const onSettings = () => router.route().screen === "settings";
  return (
    <header class="app-header">
      <div class="brand">
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span class="brand-name">Inbox</span>
        <Show when={session.me()?.workspace.name}>
          {(name) => <span class="workspace-name">{name()}</span>}
        </Show>
      </div>
      <ConnectionBadge />
      <AvailabilitySwitch />
      <NotificationBell />
      <HeaderTools />
      <Show when={session.me()?.user}>
        {(user) => (
          <div class="current-user">
            <Avatar name={user().name} size="sm" src={session.me()?.account?.avatar} />
            <span class="current-user-text">
              <span class="current-user-name">{user().name}</span>
              <span class="current-user-role">{user().customRole?.name ?? t(`role_${user().role}`)}</span>
            </span>
            <Show when={canSupervise(user())}>
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
            <Show when={user().role === "agent"}>
              <MyNumbers />
            </Show>
            <Show when={canOpenSettings(user())}>
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
            <button
              type="button"
              class="btn btn-ghost"
              disabled={session.signingOut()}
              aria-busy={session.signingOut()}
              onClick={() => void session.signOut()}
            >
              {t("signOut")}
            </button>
          </div>
        )}
      </Show>
    </header>
  );
}
