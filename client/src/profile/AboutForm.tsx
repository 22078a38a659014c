/** Name, picture (shrunk on the device first) and the UI language. */
import type { Profile } from "@inbox/shared/api/account";
import { createSignal, For, Show } from "solid-js";
import { chooseLocale, useAppState } from "../app/index.ts";
import { isUiLocale, locale, UI_LOCALES, type UiLocale } from "../i18n/locale.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { errorText, t } from "./messages.ts";
import { profileApi } from "./profile-api.ts";
import { shrinkPicture } from "./shrink-picture.ts";

const LANGUAGE_NAMES: Record<UiLocale, string> = { en: "English", "pt-BR": "Português (Brasil)" };

export function AboutForm(props: { profile: Profile; disabled: boolean; onChanged: () => void }) {
  const { session } = useAppState();
  const [name, setName] = createSignal(props.profile.name);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal("");

  const save = async (change: Parameters<typeof profileApi.update>[0]) => {
    setError(null);
    setDone("");
    try {
      await profileApi.update(change);
      setDone(t("saved"));
      props.onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const pick = async (file: File | undefined) => {
    if (!file) return;
    let avatar: string;
    try {
      avatar = await shrinkPicture(file);
    } catch {
      return setError(t("pictureUnreadable"));
    }
    await save({ avatar });
  };

  return (
    <section class="profile-section" aria-labelledby="profile-about-title">
      <h2 id="profile-about-title">{t("aboutTitle")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save({ name: name().trim() });
        }}
        noValidate
        aria-label={t("aboutTitle")}
      >
        <div class="field">
          <label for="profile-name">{t("name")}</label>
          <input id="profile-name" autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn btn-primary" disabled={props.disabled}>
          {t("save")}
        </button>
      </form>
      <div class="field profile-picture">
        <span>{t("picture")}</span>
        <Show when={props.profile.avatar}>{(src) => <img class="avatar-image avatar-lg" src={src()} alt="" width="64" height="64" />}</Show>
        <label class="btn">
          {t("choosePicture")}
          <input type="file" accept="image/png,image/jpeg,image/webp" class="sr-only" disabled={props.disabled} onChange={(e) => void pick(e.currentTarget.files?.[0])} />
        </label>
        <Show when={props.profile.avatar}>
          <button type="button" class="btn btn-ghost" disabled={props.disabled} onClick={() => void save({ avatar: null })}>
            {t("removePicture")}
          </button>
        </Show>
        <small class="muted">{t("pictureHelp")}</small>
      </div>
      <div class="field">
        <label for="profile-language">{t("language")}</label>
        <select
          id="profile-language"
          class="select"
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (isUiLocale(next)) void chooseLocale(next, session.reload);
          }}
        >
          <For each={UI_LOCALES}>
            {(l) => (
              <option value={l} lang={l} selected={locale() === l}>
                {LANGUAGE_NAMES[l]}
              </option>
            )}
          </For>
        </select>
      </div>
      <ErrorMessage message={error()} />
      <p role="status" class="form-done">
        {done()}
      </p>
    </section>
  );
}
