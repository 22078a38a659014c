/**
 * Admin settings: the workspace's channels with their state, webhook URLs and actions, and the
 * form to connect another. Admins only (the server enforces it too). Needs the server: nothing
 * here is kept on the device.
 */
import { createEffect, createSignal, on, Show } from "solid-js";
import { AppHeader } from "../components/AppHeader.tsx";
import { ChannelTable } from "../components/admin/ChannelTable.tsx";
import { ConnectChannelForm } from "../components/admin/ConnectChannelForm.tsx";
import { ContentSettings } from "../components/admin/content/ContentSettings.tsx";
import { RoutingSettings } from "../components/routing/RoutingSettings.tsx";
import { createAdminChannels } from "../state/admin-channels.ts";
import { useAppState } from "../state/app-state.tsx";
import { t } from "../components/admin/messages.ts";

export function SettingsScreen() {
  const { session, conversations, channels, router } = useAppState();
  const admin = createAdminChannels(conversations.inboxes);
  const teams = () => session.me()?.teams ?? [];
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
    <div class="app-shell">
      <AppHeader />
      <main class="settings" aria-labelledby="settings-title">
        <div class="settings-inner">
          <h1 id="settings-title">{t("adminSettings")}</h1>

          <section class="settings-section" aria-labelledby="channels-title">
            <div class="settings-section-head">
              <h2 id="channels-title">{t("channels")}</h2>
              <button type="button" class="btn btn-ghost" disabled={admin.loading()} onClick={() => admin.reload()}>
                {t("refresh")}
              </button>
            </div>
            <p class="muted">
              {t("channelsHelp")}
            </p>
            <p class="form-done" role="status">
              {message()}
            </p>
            <Show when={admin.loadError()}>
              {(error) => (
                <div class="settings-error">
                  <p class="form-error" role="alert">
                    {error()}
                  </p>
                  <button type="button" class="btn" onClick={() => admin.reload()}>
                    {t("tryAgain")}
                  </button>
                </div>
              )}
            </Show>
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
                    teams={teams()}
                    now={channels.now()}
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
            <ConnectChannelForm teams={teams()} onConnect={(body) => admin.connect(body)} />
          </section>

          <Show when={admin.list()}>{(list) => <RoutingSettings inboxes={list()} onSaved={() => admin.reload()} />}</Show>

          <ContentSettings teams={teams()} />
        </div>
      </main>
    </div>
  );
}
