/**
 * The bell's panel: the mentions (each opens its conversation) and this device's alert switches.
 * Customer and colleague text is rendered as text only.
 */
import type { Notification } from "@inbox/shared/api/content";
import { createSignal, For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { formatListTime } from "../format/time.ts";
import type { NotificationPrefs } from "./notifications-prefs.ts";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { notificationText } from "./notification-text.ts";
import { t } from "./messages.ts";

export function NotificationPanel(props: { onClose(): void }) {
  const { notifications } = useAppState();
  const [error, setError] = createSignal<string | null>(null);
  const chats = () => notifications.newChats().length;

  const openMention = (n: Notification) => {
    notifications.open(n);
    props.onClose();
  };
  const toggle = async (key: keyof NotificationPrefs, on: boolean) => setError(await notifications.setPref(key, on));

  return (
    <section id="notif-panel" class="notif-panel" role="dialog" aria-labelledby="notif-panel-title">
      <div class="notif-panel-head">
        <h2 id="notif-panel-title" class="notif-panel-title">
          {t("panelTitle")}
        </h2>
        <button type="button" class="btn btn-ghost" aria-label={t("close")} onClick={() => props.onClose()}>
          ×
        </button>
      </div>
      <Show when={chats() > 0}>
        <p class="notif-chats" role="status">
          {chats() === 1 ? t("newChat") : t("newChats", { count: chats() })}
        </p>
      </Show>
      <div class="notif-section-head">
        <h3 class="notif-section-title">{t("mentionsTitle")}</h3>
        <Show when={notifications.unreadMentions() > 0}>
          <button type="button" class="btn btn-ghost" onClick={async () => setError(await notifications.markRead())}>
            {t("markAllRead")}
          </button>
        </Show>
      </div>
      <ErrorMessage message={error()} />
      <Show when={notifications.mentions().length > 0} fallback={<p class="muted notif-empty">{t("noMentions")}</p>}>
        <ul class="notif-list" aria-label={t("mentionsTitle")}>
          <For each={notifications.mentions()}>
            {(n) => (
              <li class="notif-item" classList={{ "notif-unread": n.readAt === null }}>
                <span class="notif-item-head">
                  <span class="notif-item-title">{notificationText(n).title}</span>
                  <time class="notif-time" dateTime={new Date(n.createdAt).toISOString()}>
                    {formatListTime(n.createdAt)}
                  </time>
                </span>
                <span class="notif-excerpt">{notificationText(n).body}</span>
                <button type="button" class="btn notif-open" aria-label={t("openChat", { contact: n.contactName })} onClick={() => openMention(n)}>
                  {t("open")}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <fieldset class="notif-prefs">
        <legend>{t("prefsTitle")}</legend>
        <label class="notif-pref">
          <input type="checkbox" checked={notifications.prefs().desktop} onChange={(e) => void toggle("desktop", e.currentTarget.checked)} />
          {t("prefDesktop")}
        </label>
        <label class="notif-pref">
          <input type="checkbox" checked={notifications.prefs().sound} onChange={(e) => void toggle("sound", e.currentTarget.checked)} />
          {t("prefSound")}
        </label>
        <label class="notif-pref">
          <input type="checkbox" checked={notifications.prefs().badge} onChange={(e) => void toggle("badge", e.currentTarget.checked)} />
          {t("prefBadge")}
        </label>
      </fieldset>
    </section>
  );
}
