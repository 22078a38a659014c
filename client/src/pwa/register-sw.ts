/**
 * Registers the generated service worker. With registerType "autoUpdate" a new version
 * activates by itself and the page reloads into it; agents never see a stale app for long.
 */
import { registerSW } from "virtual:pwa-register";

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  registerSW({
    immediate: true,
    onRegisterError(error: unknown) {
      console.warn("Service worker registration failed; the app still works online.", error);
    },
  });
}
