/**
 * Setting up two-factor sign-in: the server's QR code and text key, a code from the app to turn
 * it on, then the ten recovery codes, shown once. Used on the profile and on the enrolment
 * screen a workspace's requirement leads to.
 */
import type { TwoFactorSetupResponse } from "@inbox/shared/api/account";
import { createSignal, For, onMount, Show } from "solid-js";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { errorText, t } from "./messages.ts";
import { profileApi } from "./profile-api.ts";

export function TwoFactorSetup(props: { onDone: () => void; onCancel?: () => void }) {
  const [setup, setSetup] = createSignal<TwoFactorSetupResponse | null>(null);
  const [code, setCode] = createSignal("");
  const [codes, setCodes] = createSignal<string[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const start = () => {
    setError(null);
    profileApi.startTwoFactor().then(setSetup, (err: unknown) => setError(errorText(err)));
  };
  onMount(start);

  const confirm = async (e: SubmitEvent) => {
    e.preventDefault();
    const s = setup();
    if (!s || busy()) return;
    setBusy(true);
    setError(null);
    try {
      setCodes((await profileApi.enableTwoFactor(s.setupToken, code().trim())).recoveryCodes);
    } catch (err) {
      const text = errorText(err);
      setError(text);
      if (text === t("reason_setup_expired")) start();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="two-factor-setup">
      <Show
        when={codes()}
        fallback={
          <Show when={setup()} fallback={<ErrorMessage message={error()} />}>
            {(s) => (
              <form class="two-factor-form" onSubmit={(e) => void confirm(e)} noValidate aria-label={t("setUp")}>
                <p>{t("scanQr")}</p>
                <img class="two-factor-qr" src={s().qrCode} alt={t("qrAlt")} width="200" height="200" />
                <p>
                  {t("textKey")}: <code class="two-factor-key" data-testid="totp-key">{s().secret}</code>
                </p>
                <div class="field">
                  <label for="two-factor-code">{t("enterAppCode")}</label>
                  <input id="two-factor-code" autocomplete="one-time-code" inputmode="numeric" value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
                </div>
                <ErrorMessage message={error()} />
                <div class="form-actions">
                  <button type="submit" class="btn btn-primary" disabled={busy()} aria-busy={busy()}>
                    {t("confirm")}
                  </button>
                  <Show when={props.onCancel}>
                    {(cancel) => (
                      <button type="button" class="btn" onClick={() => cancel()()}>
                        {t("cancel")}
                      </button>
                    )}
                  </Show>
                </div>
              </form>
            )}
          </Show>
        }
      >
        {(list) => <RecoveryCodes codes={list()} onDone={props.onDone} />}
      </Show>
    </div>
  );
}

export function RecoveryCodes(props: { codes: string[]; onDone: () => void }) {
  return (
    <div class="recovery-codes" role="region" aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title">{t("recoveryTitle")}</h3>
      <p>{t("recoveryIntro")}</p>
      <ul class="recovery-code-list">
        <For each={props.codes}>{(c) => <li><code>{c}</code></li>}</For>
      </ul>
      <button type="button" class="btn btn-primary" onClick={() => props.onDone()}>
        {t("recoveryDone")}
      </button>
    </div>
  );
}
