/**
 * The few words dates are spoken with ("Today", "Yesterday"), in the language the date is
 * formatted for: an explicit locale (tests, a fixed format) wins over the UI's language.
 */
import { locale } from "./locale.ts";

const WORDS = {
  en: { today: "Today", yesterday: "Yesterday" },
  pt: { today: "Hoje", yesterday: "Ontem" },
} as const;

/** The BCP 47 tag Intl formats with: the caller's, else the UI's language. */
export function formatLocale(explicit?: string): string {
  return explicit ?? locale();
}

export function dayWord(word: keyof (typeof WORDS)["en"], explicit?: string): string {
  return WORDS[formatLocale(explicit).toLowerCase().startsWith("pt") ? "pt" : "en"][word];
}
