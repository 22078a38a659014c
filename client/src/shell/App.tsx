/** Chooses the screen from the session state and, once signed in, the route. */
import { createEffect, Match, Switch } from "solid-js";
import { useAppState } from "../app/index.ts";
import { canOpenSettings, InviteScreen } from "../settings/index.ts";
import { EnrolmentCard } from "../profile/index.ts";
import { canSupervise } from "../supervision/index.ts";
import { SupervisionScreen } from "./screens/SupervisionScreen.tsx";
import { ReportsScreen } from "./screens/ReportsScreen.tsx";
import { InboxScreen } from "./screens/InboxScreen.tsx";
import { LoadingScreen } from "./screens/LoadingScreen.tsx";
import { ProfileScreen } from "./screens/ProfileScreen.tsx";
import { SettingsScreen } from "./screens/SettingsScreen.tsx";
import { UnreachableScreen } from "./screens/UnreachableScreen.tsx";
import { AppStateProvider } from "./AppStateProvider.tsx";
import { Later, mediaScreen, signInScreen } from "./later-screens.tsx";

function Screens() {
  const { session, router } = useAppState();
  const mayOpenSettings = () => canOpenSettings(session.me()?.user);
  const onSettings = () => router.route().screen === "settings";
  const supervision = () => {
    const r = router.route();
    return r.screen === "supervision" ? r : null;
  };
  const mediaPath = () => {
    const r = router.route();
    return r.screen === "media" ? r.path : null;
  };
  // Settings are for admins and supervisors: an agent who lands there (an old link) goes to the inbox.
  createEffect(() => {
    if (session.status() === "signedIn" && onSettings() && !mayOpenSettings()) router.navigate({ screen: "inbox" }, { replace: true });
  });
  // Agents have no board: an old link to it goes to the inbox.
  createEffect(() => {
    if (session.status() === "signedIn" && supervision() && !canSupervise(session.me()?.user)) router.navigate({ screen: "inbox" }, { replace: true });
  });
  return (
    <Switch>
      <Match when={router.route().screen === "invite"}>
        <InviteScreen />
      </Match>
      <Match when={session.status() === "loading"}>
        <LoadingScreen />
      </Match>
      <Match when={session.status() === "signedOut"}>
        <Later part={signInScreen}>{(m) => <m.SignInScreen />}</Later>
      </Match>
      <Match when={session.status() === "unreachable"}>
        <UnreachableScreen />
      </Match>
      <Match when={session.status() === "enrolling"}>
        <EnrolmentCard />
      </Match>
      <Match when={session.status() === "signedIn" && mediaPath()}>
        {(path) => <Later part={mediaScreen}>{(m) => <m.MediaScreen path={path()} />}</Later>}
      </Match>
      <Match when={session.status() === "signedIn" && router.route().screen === "profile"}>
        <ProfileScreen />
      </Match>
      <Match when={session.status() === "signedIn" && onSettings() && mayOpenSettings()}>
        <SettingsScreen />
      </Match>
      <Match when={session.status() === "signedIn" && router.route().screen === "reports"}>
        <ReportsScreen />
      </Match>
      <Match when={session.status() === "signedIn" && canSupervise(session.me()?.user) && supervision()}>
        {(r) => <SupervisionScreen wall={r().wall} />}
      </Match>
      <Match when={session.status() === "signedIn"}>
        <InboxScreen />
      </Match>
    </Switch>
  );
}

export function App() {
  return (
    <AppStateProvider>
      <Screens />
    </AppStateProvider>
  );
}
