/**
 * Profile → Notifications → "Notifications on this device" (issue 16): Web Push turned on or off
 * for this browser (asking the browser's permission), what it can do here, and which kinds ring
 * the person's devices while the app is closed (their push choices, on the server).
 */
import { PUSH_KINDS, type PushKind } from "@inbox/shared/api/push";
import type { Profile } from "@inbox/shared/api/account";
import { createSignal, For, onMount, Show } from "solid-js";
import { devicePushState, turnDevicePushOff, turnDevicePushOn, type DevicePushState } from "../pwa/device-push.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { errorText, t } from "./messages.ts";
import { profileApi } from "./profile-api.ts";

const label = (kind: PushKind) => (kind === "offered" ? t("push_offered") : t(`kind_${kind}`));

export function DevicePush(props: { profile: Profile; disabled: boolean; onChanged: () => void }) {
  const [state, setState] = createSignal<DevicePushState | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  onMount(() => {
    devicePushState()
      .then(setState)
      .catch(() => setState("off"));
  });

  const toggle = async (input: HTMLInputElement) => {
    const on = input.checked;
    setError(null);
    setBusy(true);
    try {
      setState(await (on ? turnDevicePushOn() : turnDevicePushOff()));
    } catch (err) {
      // The browser's push service refused or could not be reached, or the server said no.
      setError(t("devicePushFailed", { reason: err instanceof DOMException ? t("devicePushBrowserRefused") : errorText(err) }));
      setState(await devicePushState().catch(() => "off" as const));
    } finally {
      setBusy(false);
      // The state may not have changed (a refusal): the switch shows the state, not the click.
      input.checked = state() === "on";
    }
  };

  const choose = async (kind: PushKind, wanted: boolean) => {
    setError(null);
    try {
      await profileApi.update({ pushChoices: { [kind]: wanted } });
      props.onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const cannot = () => {
    const s = state();
    return s === null || s === "unsupported" || s === "install" || s === "unavailable";
  };

  return (
    <section class="profile-section" aria-labelledby="profile-device-push-title">
      <h2 id="profile-device-push-title">{t("devicePushTitle")}</h2>
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={state() === "on"}
          disabled={props.disabled || busy() || cannot()}
          onChange={(e) => void toggle(e.currentTarget)}
        />{" "}
        {t("devicePushToggle")}
      </label>
      <p class="muted" role="status" data-push-state={state() ?? "checking"}>
        {state() ? t(`devicePush_${state()!}`) : t("devicePushChecking")}
      </p>
      <ErrorMessage message={error()} />
      <Show when={state() !== "unsupported" && state() !== "unavailable"}>
        <fieldset class="checkbox-list">
          <legend class="muted">{t("pushChoicesIntro")}</legend>
          <For each={PUSH_KINDS}>
            {(kind) => (
              <label>
                <input type="checkbox" checked={props.profile.pushChoices[kind] !== false} disabled={props.disabled} onChange={(e) => void choose(kind, e.currentTarget.checked)} />{" "}
                {label(kind)}
              </label>
            )}
          </For>
        </fieldset>
      </Show>
    </section>
  );
}
