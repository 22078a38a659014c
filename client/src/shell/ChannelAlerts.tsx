/**
 * Admins are notified when a channel breaks or is paused (seed's failure table): one banner per
 * channel, "Channel WhatsApp: Token expired — reconnect", with the way to fix it, until dismissed
 * or the channel recovers.
 */
import { For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { t } from "./messages.ts";

export function ChannelAlerts() {
  const { channels, router } = useAppState();
  return (
    <Show when={channels.alerts().length > 0}>
      <div class="channel-alerts">
        <For each={channels.alerts()}>
          {(alert) => (
            <div class="channel-alert" classList={{ "channel-alert-error": alert.reconnect }}>
              <p class="channel-alert-text" role="alert">
                {alert.text}
              </p>
              <Show when={alert.reconnect}>
                <button
                  type="button"
                  class="btn btn-primary"
                  aria-label={t("reconnectInbox", { name: alert.inboxName })}
                  onClick={() => router.navigate({ screen: "settings", reconnect: alert.inboxId })}
                >
                  {t("reconnect")}
                </button>
              </Show>
              <button
                type="button"
                class="btn btn-ghost"
                aria-label={t("dismissAlert", { name: alert.inboxName })}
                onClick={() => channels.dismissAlert(alert.key)}
              >
                {t("dismiss")}
              </button>
            </div>
          )}
        </For>
      </div>
    </Show>
  );
}
