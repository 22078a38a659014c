/** Chooses the screen from the session state. */
import { Match, Switch } from "solid-js";
import { InboxScreen } from "./screens/InboxScreen.tsx";
import { LoadingScreen } from "./screens/LoadingScreen.tsx";
import { SignInScreen } from "./screens/SignInScreen.tsx";
import { UnreachableScreen } from "./screens/UnreachableScreen.tsx";
import { AppStateProvider, useAppState } from "./state/app-state.tsx";

function Screens() {
  const { session } = useAppState();
  return (
    <Switch>
      <Match when={session.status() === "loading"}>
        <LoadingScreen />
      </Match>
      <Match when={session.status() === "signedOut"}>
        <SignInScreen />
      </Match>
      <Match when={session.status() === "unreachable"}>
        <UnreachableScreen />
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
