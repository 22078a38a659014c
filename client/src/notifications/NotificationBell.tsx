/**
 * The bell in the top bar: how many mentions and new chats wait, and a panel listing the
 * mentions (each opens its conversation) with this device's alert switches (NotificationPanel.tsx).
 */
import { createSignal, onCleanup, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { useAppState } from "../app/index.ts";
import { onDemand } from "../ui/on-demand.ts";
import { t } from "./messages.ts";

// The panel is a chunk of its own, not part of the inbox's first load (issue 17).
const panel = onDemand(() => import("./NotificationPanel.tsx"));

/** Fetched once the list has drawn, so the first click (offline too) finds it. */
export function preloadNotificationPanel(): void {
  panel.load().catch((err: unknown) => console.warn("Could not load the notifications panel", err));
}

export function NotificationBell() {
  const { notifications } = useAppState();
  const [open, setOpen] = createSignal(false);
  let root!: HTMLDivElement;

  const onDocClick = (e: MouseEvent) => {
    if (open() && !root.contains(e.target as Node)) setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (open() && e.key === "Escape") setOpen(false);
  };
  document.addEventListener("mousedown", onDocClick);
  document.addEventListener("keydown", onKey);
  onCleanup(() => {
    document.removeEventListener("mousedown", onDocClick);
    document.removeEventListener("keydown", onKey);
  });

  const label = () => (notifications.count() > 0 ? t("bellUnread", { count: notifications.count() }) : t("bell"));
  return (
    <div class="notif" ref={root}>
      <button
        type="button"
        class="btn btn-ghost notif-bell"
        aria-label={label()}
        aria-expanded={open()}
        aria-controls="notif-panel"
        data-watching={notifications.watching() ? "true" : "false"}
        onClick={() => {
          if (!open()) preloadNotificationPanel();
          setOpen((o) => !o);
        }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        <Show when={notifications.count() > 0}>
          <span class="notif-count" aria-hidden="true">
            {notifications.count() > 99 ? "99+" : notifications.count()}
          </span>
        </Show>
      </button>
      <Show when={open() && panel.ready()}>{(m) => <Dynamic component={m().NotificationPanel} onClose={() => setOpen(false)} />}</Show>
    </div>
  );
}
