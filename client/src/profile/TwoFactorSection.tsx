/** The profile's two-factor part: its state, setting it up, new recovery codes, turning it off (with a current code). */
import type { Profile } from "@inbox/shared/api/account";
import { createSignal, Show } from "solid-js";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { errorText, t } from "./messages.ts";
import { profileApi } from "./profile-api.ts";
import { RecoveryCodes, TwoFactorSetup } from "./TwoFactorSetup.tsx";

export function TwoFactorSection(props: { profile: Profile; disabled: boolean; onChanged: () => void }) {
  const [settingUp, setSettingUp] = createSignal(false);
  const [code, setCode] = createSignal("");
  const [codes, setCodes] = createSignal<string[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal("");

  const withCode = async (action: (code: string) => Promise<void>) => {
    setError(null);
    setDone("");
    try {
      await action(code().trim());
      setCode("");
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="profile-section" aria-labelledby="profile-2fa-title">
      <h2 id="profile-2fa-title">{t("twoFactorTitle")}</h2>
      <Show when={props.profile.twoFactorRequired}>
        <p class="muted">{t("twoFactorRequired")}</p>
      </Show>
      <p role="status" class="form-done">
        {done()}
      </p>
      <Show when={codes()}>
        {(list) => <RecoveryCodes codes={list()} onDone={() => setCodes(null)} />}
      </Show>
      <Show
        when={props.profile.twoFactorEnabled}
        fallback={
          <>
            <p>{t("twoFactorOff")}</p>
            <Show
              when={settingUp()}
              fallback={
                <button type="button" class="btn btn-primary" disabled={props.disabled} onClick={() => setSettingUp(true)}>
                  {t("setUp")}
                </button>
              }
            >
              <TwoFactorSetup
                onDone={() => {
                  setSettingUp(false);
                  props.onChanged();
                }}
                onCancel={() => setSettingUp(false)}
              />
            </Show>
          </>
        }
      >
        <p>{t("twoFactorOn", { count: props.profile.recoveryCodesLeft })}</p>
        <div class="field">
          <label for="two-factor-current">{t("enterAppCode")}</label>
          <input id="two-factor-current" autocomplete="one-time-code" value={code()} onInput={(e) => setCode(e.currentTarget.value)} aria-describedby="two-factor-current-help" />
          <small id="two-factor-current-help" class="muted">
            {t("turnOffHelp")}
          </small>
        </div>
        <ErrorMessage message={error()} />
        <div class="form-actions">
          <button type="button" class="btn" disabled={props.disabled} onClick={() => void withCode(async (c) => {
                setCodes((await profileApi.renewRecoveryCodes(c)).recoveryCodes);
                props.onChanged();
              })}>
            {t("newRecoveryCodes")}
          </button>
          <Show when={!props.profile.twoFactorRequired}>
            <button
              type="button"
              class="btn btn-danger"
              disabled={props.disabled}
              onClick={() =>
                void withCode(async (c) => {
                  await profileApi.disableTwoFactor(c);
                  setDone(t("turnedOff"));
                  props.onChanged();
                })
              }
            >
              {t("turnOff")}
            </button>
          </Show>
        </div>
      </Show>
    </section>
  );
}
