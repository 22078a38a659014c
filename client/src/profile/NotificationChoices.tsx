/** Which kinds of notification the person wants (the server skips the others). */
import { NOTIFICATION_KINDS } from "@inbox/shared/api/content";
import type { Profile } from "@inbox/shared/api/account";
import { createSignal, For } from "solid-js";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { errorText, t } from "./messages.ts";
import { profileApi } from "./profile-api.ts";

export function NotificationChoices(props: { profile: Profile; disabled: boolean; onChanged: () => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const set = async (kind: (typeof NOTIFICATION_KINDS)[number], wanted: boolean) => {
    setError(null);
    try {
      await profileApi.update({ notificationChoices: { [kind]: wanted } });
      props.onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="profile-section" aria-labelledby="profile-notifications-title">
      <h2 id="profile-notifications-title">{t("notificationsTitle")}</h2>
      <fieldset class="checkbox-list">
        <legend class="muted">{t("notificationsIntro")}</legend>
        <For each={NOTIFICATION_KINDS}>
          {(kind) => (
            <label>
              <input type="checkbox" checked={props.profile.notificationChoices[kind] !== false} disabled={props.disabled} onChange={(e) => void set(kind, e.currentTarget.checked)} />{" "}
              {t(`kind_${kind}`)}
            </label>
          )}
        </For>
      </fieldset>
      <ErrorMessage message={error()} />
    </section>
  );
}
