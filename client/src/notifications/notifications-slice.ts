/**
 * The notifications slice as the app state holds it from the start. What must not wait runs at
 * once: a push notification's click opening its chat, and the end of the session turning this
 * device's pushes off. The rest (mentions, new chats, their alerts, the tab title: notifications.ts) is a chunk
 * of its own, started once the list has drawn and the page is idle, so the inbox's first load
 * does not carry it (issue 17); until then the slice reads as nothing to show, and a user's
 * action on it (a switch, "mark all read") loads it first.
 */
import { createEffect, createMemo, createSignal, getOwner, on, onCleanup, runWithOwner, type Accessor } from "solid-js";
import type { LocalSlice, RouteSlice, SessionSlice } from "../app/index.ts";
import type { SelectionSlice } from "../conversation/index.ts";
import { whenIdle } from "../ui/on-demand.ts";
import type { NotificationsSlice } from "./notifications.ts";
import { DEFAULT_PREFS } from "./notifications-prefs.ts";
import { openChatsFromPushes } from "./push-open.ts";

export function createNotificationsSlice(
  session: SessionSlice,
  local: LocalSlice,
  selection: SelectionSlice,
  router: RouteSlice,
  listDrawn: Accessor<boolean>,
): NotificationsSlice {
  const userId = createMemo(() => session.me()?.user.id ?? null);
  // A push notification's click (the app closed or in the background) opens its chat.
  openChatsFromPushes(userId, (conversationId) => {
    if (router.route().screen !== "inbox") router.navigate({ screen: "inbox" });
    selection.select(conversationId);
  });
  // Whoever's session ends on this device (signed out here, or elsewhere: a 401) stops getting
  // its pushes. Not a sign-out step: sign-out never waits on the browser's push service.
  createEffect(
    on(session.status, (now, before) => {
      if (now !== "signedOut" || (before !== "signedIn" && before !== "enrolling")) return;
      void import("../pwa/device-push.ts")
        .then((m) => m.forgetDevicePush())
        .catch((err: unknown) => console.warn("Could not turn off pushes to this device", err));
    }),
  );

  const owner = getOwner();
  const [slice, setSlice] = createSignal<NotificationsSlice>();
  let loading: Promise<NotificationsSlice> | undefined;
  const start = () =>
    (loading ??= import("./notifications.ts").then(
      (m) => {
        const created = runWithOwner(owner, () => m.createNotificationsSlice(session, local, selection, router));
        if (!created) throw new Error("The app closed before its notifications started");
        setSlice(() => created);
        return created;
      },
      (err: unknown) => {
        loading = undefined; // offline before the precache filled: the next try may succeed
        throw err;
      },
    ));
  createEffect(() => {
    if (!listDrawn() || loading) return;
    onCleanup(whenIdle(() => void start().catch((err: unknown) => console.warn("Could not start notifications", err))));
  });

  return {
    mentions: () => slice()?.mentions() ?? [],
    unreadMentions: () => slice()?.unreadMentions() ?? 0,
    newChats: () => slice()?.newChats() ?? [],
    watching: () => slice()?.watching() ?? false,
    count: () => slice()?.count() ?? 0,
    prefs: () => slice()?.prefs() ?? DEFAULT_PREFS,
    setPref: async (key, on) => (await start()).setPref(key, on),
    markRead: async (ids) => (await start()).markRead(ids),
    open: (n) => void start().then((s) => s.open(n)),
  };
}
