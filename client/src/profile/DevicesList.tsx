/**
 * "Your signed-in devices": each session in words, where from and when, this one marked; sign out
 * one, or every other at once (their open apps drop to the sign-in screen).
 */
import type { Device } from "@inbox/shared/api/account";
import { createSignal, For, onMount, Show } from "solid-js";
import { formatDateTime } from "../format/time.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { deviceName } from "./device-words.ts";
import { errorText, t } from "./messages.ts";
import { profileApi } from "./profile-api.ts";

export function DevicesList(props: { disabled: boolean }) {
  const [devices, setDevices] = createSignal<Device[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal("");
  const load = () => profileApi.devices().then((r) => setDevices(r.devices), (err: unknown) => setError(errorText(err)));
  onMount(() => void load());
  const act = async (action: () => Promise<string>) => {
    setError(null);
    try {
      setDone(await action());
    } catch (err) {
      setError(errorText(err));
    }
    await load();
  };
  const others = () => (devices() ?? []).filter((d) => !d.current);

  return (
    <section class="profile-section" aria-labelledby="profile-devices-title">
      <h2 id="profile-devices-title">{t("devicesTitle")}</h2>
      <p role="status" class="form-done">
        {done()}
      </p>
      <ErrorMessage message={error()} />
      <ul class="device-list" aria-labelledby="profile-devices-title">
        <For each={devices() ?? []}>
          {(d) => (
            <li class="device" data-current={d.current ? "true" : undefined}>
              <div class="device-text">
                <strong>{deviceName(d)}</strong>
                <Show when={d.current}>
                  <span class="badge">{t("thisDevice")}</span>
                </Show>
                <span class="muted">
                  {[t("signedIn", { date: formatDateTime(d.createdAt) }), t("lastUsed", { date: formatDateTime(d.lastUsedAt) }), d.ip ? t("from", { ip: d.ip }) : ""].filter(Boolean).join(" · ")}
                </span>
              </div>
              <Show when={!d.current}>
                <button type="button" class="btn" disabled={props.disabled} onClick={() => void act(async () => (await profileApi.signOutDevice(d.id), ""))} aria-label={`${t("signOut")}: ${deviceName(d)}`}>
                  {t("signOut")}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={devices()}>
        <Show when={others().length > 0} fallback={<p class="muted">{t("noOthers")}</p>}>
          <button type="button" class="btn btn-danger" disabled={props.disabled} onClick={() => void act(async () => t("signedOutOthers", { count: (await profileApi.signOutOthers()).ended }))}>
            {t("signOutOthers")}
          </button>
        </Show>
      </Show>
    </section>
  );
}
