/**
 * Registers the generated service worker. With registerType "autoUpdate" a new version
 * activates by itself and the page reloads into it; agents never see a stale app for long.
 * Registered once the page has loaded and is idle: workbox-window, the worker's script and its
 * precache of every chunk do not compete with the first screen (issue 17); the registration code
 * itself is a chunk fetched then.
 */
import { whenIdle } from "../ui/on-demand.ts";

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  const register = () =>
    whenIdle(() => {
      import("virtual:pwa-register").then(
        ({ registerSW }) =>
          registerSW({
            immediate: true,
            onRegisterError(error: unknown) {
              console.warn("Service worker registration failed; the app still works online.", error);
            },
          }),
        (error: unknown) => console.warn("Service worker registration failed; the app still works online.", error),
      );
    });
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
