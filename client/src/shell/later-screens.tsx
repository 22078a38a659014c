/**
 * Screens the inbox's first load does without (issue 17): sign-in (a remembered user never sees
 * it) and an attachment opened in its own tab. Chunks of their own, precached by the service
 * worker; the loading words show until one is there.
 */
import { Show, type JSX } from "solid-js";
import { onDemand, type OnDemand } from "../ui/on-demand.ts";
import { LoadingScreen } from "./screens/LoadingScreen.tsx";

export const signInScreen = onDemand(() => import("./screens/SignInScreen.tsx"));
export const mediaScreen = onDemand(() => import("./screens/MediaScreen.tsx"));

/** Fetched with the inbox's other parts once the list has drawn: a sign-out offline finds it. */
export function preloadSignIn(): void {
  signInScreen.load().catch((err: unknown) => console.warn("Could not load the sign-in screen", err));
}

export function Later<T>(props: { part: OnDemand<T>; children: (module: T) => JSX.Element }) {
  props.part.load().catch((err: unknown) => console.warn("Could not load this screen", err));
  return (
    <Show when={props.part.ready()} fallback={<LoadingScreen />}>
      {(module) => props.children(module())}
    </Show>
  );
}
