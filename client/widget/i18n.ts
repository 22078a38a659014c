import { MAX_TEXT_LENGTH } from "@inbox/shared/domain/message";
import { WIDGET_LANGUAGES, type WidgetLanguage } from "@inbox/shared/domain/widget-appearance";
import { ApiError, NetworkError } from "./api.ts";
import { STRINGS, type WidgetStrings } from "./strings.ts";

export type { WidgetStrings } from "./strings.ts";

/** The language of a BCP 47 tag the widget speaks ("pt", "pt-PT" and "pt-BR" all read pt-BR), or null. */
export function widgetLanguageOf(tag: string | null | undefined): WidgetLanguage | null {
  const t = tag?.trim().toLowerCase();
  if (!t) return null;
  const exact = WIDGET_LANGUAGES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  const base = t.split(/[-_]/)[0];
  if (base === "pt") return "pt-BR";
  if (base === "es") return "es";
  if (base === "en") return "en";
  return null;
}

/**
 * The visitor's language: the embed snippet's `data-lang` when it names one we speak, else the
 * first of the browser's preferred languages we speak, else English.
 */
export function chooseLanguage(browser: readonly string[], override?: string | null): WidgetLanguage {
  const forced = widgetLanguageOf(override);
  if (forced) return forced;
  for (const tag of browser) {
    const lang = widgetLanguageOf(tag);
    if (lang) return lang;
  }
  return "en";
}

export function stringsFor(language: WidgetLanguage): WidgetStrings {
  return STRINGS[language];
}

/**
 * An error in the visitor's language. The server writes its sentences in English, specific to
 * what failed: English visitors read those; others read the same meaning by the error's code.
 */
export function errorText(s: WidgetStrings, err: unknown): string {
  if (err instanceof NetworkError) return s.offline;
  if (!(err instanceof ApiError)) return s.generic;
  if (s === STRINGS.en) return err.message;
  switch (err.code) {
    case "rate_limited":
      return s.tooFast;
    case "overloaded":
      return s.busy;
    case "channel_unavailable":
      return s.unavailableTryLater;
    case "unauthenticated":
    case "invalid_credentials":
      return s.sessionExpired;
    case "forbidden":
      return s.forbidden;
    case "not_found":
      return s.notFound;
    case "payload_too_large":
      return s.tooLong(MAX_TEXT_LENGTH);
    case "conflict":
      return s.alreadySent;
    case "bad_request":
    case "invalid_json":
    case "validation_failed":
      return s.badRequest;
  }
  if (err.status === 429) return s.tooFast;
  return s.generic;
}
