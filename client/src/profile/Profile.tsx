/**
 * "/profile" (everyone): name, picture, language, notification choices, password, two-factor
 * sign-in and the signed-in devices. Online only: it is read from the server when it opens,
 * and every change goes there first.
 */
import type { Profile as ProfileData } from "@inbox/shared/api/account";
import { createSignal, onMount, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { AboutForm } from "./AboutForm.tsx";
import { DevicesList } from "./DevicesList.tsx";
import { errorText, t } from "./messages.ts";
import { NotificationChoices } from "./NotificationChoices.tsx";
import { DevicePush } from "./DevicePush.tsx";
import { PasswordForm } from "./PasswordForm.tsx";
import { profileApi } from "./profile-api.ts";
import { TwoFactorSection } from "./TwoFactorSection.tsx";

export function Profile() {
  const { session, local } = useAppState();
  const [profile, setProfile] = createSignal<ProfileData | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const offline = () => !local.browserOnline() || local.unreachable();
  const load = () =>
    profileApi.profile().then(
      (r) => {
        setLoadError(null);
        setProfile(r.profile);
      },
      (err: unknown) => setLoadError(errorText(err)),
    );
  /** After a change: the server's profile, and /api/me (the header's name and picture). */
  const changed = () => {
    void load();
    void session.reload();
  };
  onMount(() => void load());

  return (
    <main class="settings profile" aria-labelledby="profile-title">
      <div class="settings-inner">
        <h1 id="profile-title">{t("title")}</h1>
        <Show when={offline()}>
          <p class="form-error" role="status">
            {t("offline")}
          </p>
        </Show>
        <Show when={loadError()}>
          {(e) => (
            <div class="settings-error">
              <p class="form-error" role="alert">
                {e()}
              </p>
              <button type="button" class="btn" onClick={() => void load()}>
                {t("tryAgain")}
              </button>
            </div>
          )}
        </Show>
        <Show when={profile()} fallback={<p class="muted">{t("loading")}</p>}>
          {(p) => (
            <>
              <AboutForm profile={p()} disabled={offline()} onChanged={changed} />
              <NotificationChoices profile={p()} disabled={offline()} onChanged={changed} />
              <DevicePush profile={p()} disabled={offline()} onChanged={changed} />
              <PasswordForm changedAt={p().passwordChangedAt} disabled={offline()} onChanged={changed} />
              <TwoFactorSection profile={p()} disabled={offline()} onChanged={changed} />
              <DevicesList disabled={offline()} />
            </>
          )}
        </Show>
      </div>
    </main>
  );
}
