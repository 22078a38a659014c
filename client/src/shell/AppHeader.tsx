/**
 * Top bar: product and workspace, the connection badge, availability, notifications, and the
 * signed-in user's places and Sign out. On a phone the language and those places go into one
 * menu (HeaderMenu), so the bar stays a single row above the chat.
 */
import { createMediaQuery } from "@solid-primitives/media";
import { Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { NotificationBell } from "../notifications/index.ts";
import { AvailabilitySwitch } from "../routing/index.ts";
import { Avatar } from "../ui/Avatar.tsx";
import { ConnectionBadge } from "./ConnectionBadge.tsx";
import { HeaderActions, SignOutButton } from "./HeaderActions.tsx";
import { HeaderMenu } from "./HeaderMenu.tsx";
import { HeaderTools } from "./HeaderTools.tsx";
import { LanguagePicker } from "./LanguagePicker.tsx";
import { ShortcutsHelp } from "./ShortcutsHelp.tsx";
import { t } from "./messages.ts";

/** The width at which the inbox shows one column (styles.css uses the same breakpoint). */
const PHONE = "(max-width: 760px)";

export function AppHeader() {
  const { session } = useAppState();
  const phone = createMediaQuery(PHONE);
  const user = () => session.me()?.user;
  const roleName = () => {
    const u = user();
    return u ? (u.customRole?.name ?? t(`role_${u.role}`)) : "";
  };
  return (
    <header class="app-header" classList={{ "app-header-phone": phone() }}>
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
      <Show
        when={phone()}
        fallback={
          <>
            <HeaderTools />
            <Show when={user()}>
              {(u) => (
                <div class="current-user">
                  <Avatar name={u().name} size="sm" src={session.me()?.account?.avatar} />
                  <span class="current-user-text">
                    <span class="current-user-name">{u().name}</span>
                    <span class="current-user-role">{roleName()}</span>
                  </span>
                  <HeaderActions user={u()} />
                  <SignOutButton />
                </div>
              )}
            </Show>
          </>
        }
      >
        <Show when={user()}>
          {(u) => (
            <HeaderMenu name={u().name} role={roleName()} avatar={session.me()?.account?.avatar}>
              <HeaderActions user={u()} />
              <LanguagePicker />
              <ShortcutsHelp named />
              <SignOutButton />
            </HeaderMenu>
          )}
        </Show>
      </Show>
    </header>
  );
}
