/** The UI language, per user: each language is named in itself, so anyone can find theirs. */
import { For } from "solid-js";
import { chooseLocale, useAppState } from "../app/index.ts";
import { isUiLocale, locale, UI_LOCALES, type UiLocale } from "../i18n/locale.ts";
import { t } from "./messages.ts";

const NAMES: Record<UiLocale, string> = { en: "English", "pt-BR": "Português (Brasil)" };

export function LanguagePicker() {
  const { session } = useAppState();
  return (
    <select
      class="select language-picker"
      aria-label={t("language")}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (isUiLocale(next)) void chooseLocale(next, session.reload);
      }}
    >
      <For each={UI_LOCALES}>
        {(l) => (
          <option value={l} lang={l} selected={locale() === l}>
            {NAMES[l]}
          </option>
        )}
      </For>
    </select>
  );
}
