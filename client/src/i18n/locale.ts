/**
 * The UI language, chosen per user (stored on the server with the user, cached with the
 * session). One signal for the whole app: changing it re-renders every translated string.
 */
import { createSignal } from "solid-js";

export const UI_LOCALES = ["en", "pt-BR"] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

const [locale, setLocaleSignal] = createSignal<UiLocale>("en");

export { locale };

export function setLocale(next: UiLocale): void {
  setLocaleSignal(next);
  if (typeof document !== "undefined") document.documentElement.lang = next;
}

export function isUiLocale(value: unknown): value is UiLocale {
  return value === "en" || value === "pt-BR";
}
