/**
 * The admin-only part of Settings: the workspace's channels with their state, webhook URLs and
 * actions, the form to connect another, how each channel routes chats, whether it asks
 * customers to rate resolved chats, and how each web chat widget looks. Mounted only for
 * admins, so nobody else fetches the admin channel list (the server would refuse it anyway).
 */
import type { Team } from "@inbox/shared";
import { createEffect, createSignal, on, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { RoutingSettings } from "../../routing/index.ts";
import { createAdminChannels } from "./admin-channels.ts";
import { ChannelTable } from "./ChannelTable.tsx";
import { ConnectChannelForm } from "./ConnectChannelForm.tsx";
import { CsatSettings } from "./CsatSettings.tsx";
import { WidgetAppearanceSettings } from "./WidgetAppearanceSettings.tsx";
import { SectionNotices } from "../SectionNotices.tsx";
import { t } from "../messages.ts";

export function ChannelSettings(props: { teams: readonly Team[] }) {
  const { conversations, channels, router, local } = useAppState();
  const admin = createAdminChannels(conversations.inboxes, local.db());
  // Every channel action asks the server: offline they are disabled, each saying why (the same signal as the badge's).
  const offline = () => !local.browserOnline() || local.unreachable();
  // Back online with only the device's copy on screen: ask the server again.
  createEffect(on(offline, (off, wasOff) => wasOff && !off && !admin.fresh() && admin.reload(), { defer: true }));
  const [message, setMessage] = createSignal("");

  // "/settings?reconnect=<id>" (from an alert or an expired chat) opens that channel's form.
  const reconnecting = () => {
    const r = router.route();
    return r.screen === "settings" ? r.reconnect : null;
  };
  const setReconnecting = (id: string | null) => router.navigate({ screen: "settings", reconnect: id }, { replace: true });
  // Opening another form starts fresh; closing one keeps what it said ("… is reconnected").
  createEffect(on(reconnecting, (id) => id && setMessage("")));

  return (
    <>
      <section class="settings-section" aria-labelledby="channels-title">
        <div class="settings-section-head">
          <h2 id="channels-title">{t("channels")}</h2>
          <button type="button" class="btn btn-ghost" disabled={admin.loading() || offline()} onClick={() => admin.reload()}>
            {t("refresh")}
          </button>
        </div>
        <p class="muted">{t("channelsHelp")}</p>
        <SectionNotices
          offline={offline() && admin.list() !== null}
          offlineText={t("channelsOffline")}
          loadError={admin.loadError()}
          retryText={t("tryAgain")}
          onRetry={() => admin.reload()}
          message={message()}
        />
        <Show
          when={admin.list()}
          fallback={
            <Show when={!admin.loadError()}>
              <p class="muted" role="status">
                {t("loadingChannels")}
              </p>
            </Show>
          }
        >
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="muted">{t("noChannels")}</p>}>
              <ChannelTable
                channels={list()}
                teams={props.teams}
                now={channels.now()}
                offline={offline()}
                reconnecting={reconnecting()}
                onReconnecting={setReconnecting}
                onMessage={setMessage}
                actions={admin}
              />
            </Show>
          )}
        </Show>
        <Show when={reconnecting() && admin.list() && !admin.list()!.some((c) => c.id === reconnecting())}>
          <p class="form-error" role="alert">
            {t("notInWorkspace")}
          </p>
        </Show>
      </section>

      <section class="settings-section">
        <ConnectChannelForm teams={props.teams} offline={offline()} onConnect={(body) => admin.connect(body)} />
      </section>

      <Show when={admin.list()}>{(list) => <RoutingSettings inboxes={list()} onSaved={() => admin.reload()} />}</Show>
      <Show when={admin.list()}>{(list) => <CsatSettings inboxes={list()} onSaved={() => admin.reload()} />}</Show>
      <Show when={admin.list()}>{(list) => <WidgetAppearanceSettings inboxes={list()} onSaved={() => admin.reload()} />}</Show>
    </>
  );
}
