/**
 * Alerts for the signed-in user: colleagues' @mentions (their `user.<id>` room, kept on the
 * device under `content:notifications` for offline) and new chats (waiting unassigned in their
 * teams, or assigned/offered to them, read from the local database). Each new one may ring a
 * sound, show a desktop notification and count in the tab title, as the user chose
 * (notifications-prefs.ts).
 */
import { roomName } from "@inbox/shared";
import type { Notification } from "@inbox/shared/api/content";
import { USER_NOTIFICATIONS } from "@inbox/shared/api/notification-room";
import { Dexie } from "dexie";
import { createEffect, createMemo, createSignal, on, untrack, type Accessor } from "solid-js";
import { type LocalSlice, localStorageOrNull, type RouteSlice, type SessionSlice } from "../app/index.ts";
import type { SelectionSlice } from "../conversation/index.ts";
import { playChime } from "./alert-sound.ts";
import { askDesktopPermission, desktopPermission, showDesktop } from "./desktop-notify.ts";
import { alertTitle, notificationText } from "./notification-text.ts";
import { t } from "./messages.ts";
import { createLiveQuery } from "../local/live-query.ts";
import type { LocalDb } from "../local/db.ts";
import type { ConversationRow } from "../local/rows.ts";
import { liveLayer } from "../sync/live.ts";
import { NewChatTracker } from "./notifications-new-chats.ts";
import { DEFAULT_PREFS, badgedTitle, loadPrefs, savePrefs, type NotificationPrefs } from "./notifications-prefs.ts";

export const KV_NOTIFICATIONS = "content:notifications";
/** Chats looked at for "new": the most recent of each kind is plenty for alerts. */
const NEW_CHAT_WINDOW = 200;

/** The chats that may ring: the newest waiting ones and the newest of mine. */
async function queryChats({ db, me }: { db: LocalDb; me: string }): Promise<ConversationRow[]> {
  const [waiting, mine] = await Promise.all([
    db.conversations.where("[u+lastActivityAt]").between([1, Dexie.minKey], [1, Dexie.maxKey]).reverse().limit(NEW_CHAT_WINDOW).toArray(),
    db.conversations.where("[a+lastActivityAt]").between([me, Dexie.minKey], [me, Dexie.maxKey]).reverse().limit(NEW_CHAT_WINDOW).toArray(),
  ]);
  return [...waiting, ...mine];
}

export interface NotificationsSlice {
  /** Mentions, newest first. */
  mentions: Accessor<Notification[]>;
  unreadMentions: Accessor<number>;
  /** Conversations that arrived (waiting or mine) since sign-in and are not opened yet. */
  newChats: Accessor<readonly string[]>;
  /** True once new chats are watched (after the device's first sync, which is the baseline). */
  watching: Accessor<boolean>;
  /** What the title badge counts: unread mentions and new chats. */
  count: Accessor<number>;
  prefs: Accessor<NotificationPrefs>;
  /** Turns an alert on or off; turning desktop on asks the browser. Resolves with a problem to show, if any. */
  setPref(key: keyof NotificationPrefs, on: boolean): Promise<string | null>;
  markRead(ids?: string[]): Promise<string | null>;
  /** Opens the conversation a mention is about, and marks it read. */
  open(n: Notification): void;
}

export function createNotificationsSlice(session: SessionSlice, local: LocalSlice, selection: SelectionSlice, router: RouteSlice): NotificationsSlice {
  const userId = createMemo(() => session.me()?.user.id ?? null);
  const [prefs, setPrefs] = createSignal<NotificationPrefs>(DEFAULT_PREFS);
  createEffect(on(userId, (id) => setPrefs(id ? loadPrefs(localStorageOrNull(), id) : DEFAULT_PREFS)));

  // ---------- mentions: the user's own room, with the device's copy until it answers ----------
  const [stored, setStored] = createSignal<Notification[] | null>(null);
  const [readHere, setReadHere] = createSignal<ReadonlyMap<string, number>>(new Map());
  // The room opens once the live layer is loaded (sync/live.ts); the device's copy shows until then.
  const live = createMemo(() => {
    const id = userId();
    const layer = liveLayer();
    if (!id || !layer) return null;
    return untrack(() => {
      const room = layer.openRoom(roomName({ kind: "user", id }));
      return { synced: room.synced, values: layer.createYMapValues(room.doc.getMap(USER_NOTIFICATIONS), layer.NotificationSchema, "notification") };
    });
  });
  createEffect(
    on(local.db, (db) => {
      setStored(null);
      setReadHere(new Map());
      if (!db) return;
      // The schema (classic zod) loads beside the read: the bell may fill a moment after the list's first rows (issue 17).
      Promise.all([db.kv.get(KV_NOTIFICATIONS), import("@inbox/shared/api/content")]).then(
        ([row, { NotificationSchema }]) => {
          const parsed = NotificationSchema.array().safeParse(row?.value);
          setStored(parsed.success ? parsed.data : []);
        },
        () => setStored([]),
      );
    }),
  );
  const serverList = createMemo(() => {
    const l = live();
    return l && l.synced() ? l.values() : null;
  });
  createEffect(
    on(serverList, (list) => {
      const db = untrack(local.db);
      if (list && db) void db.kv.put({ key: KV_NOTIFICATIONS, value: list }).catch(() => {});
    }),
  );
  const mentions = createMemo(() => {
    const overlay = readHere();
    const list = serverList() ?? stored() ?? [];
    return list.map((n) => (n.readAt === null && overlay.has(n.id) ? { ...n, readAt: overlay.get(n.id)! } : n)).sort((a, b) => b.createdAt - a.createdAt);
  });
  const unreadMentions = createMemo(() => mentions().filter((n) => n.readAt === null).length);

  // ---------- new chats: the device's database, compared with the previous look ----------
  const chatSource = createMemo(() => {
    const db = local.db();
    const me = userId();
    return db && me ? { db, me } : null;
  });
  const chatRows = createLiveQuery(chatSource, queryChats, [] as ConversationRow[]);
  const [newChats, setNewChats] = createSignal<readonly string[]>([]);
  const tracker = createMemo(() => {
    const me = userId();
    return me ? new NewChatTracker(me) : null;
  });
  createEffect(on(tracker, () => setNewChats([])));
  // The baseline is what the device holds once its first sync has finished, read straight from
  // the database (the live query may still be answering for an earlier page).
  let baselining = false;
  const [watching, setWatching] = createSignal(false);
  createEffect(on(tracker, () => setWatching(false)));
  createEffect(
    on([chatSource, tracker, local.hasPulled, local.pulling], ([src, tr, pulled, pulling]) => {
      if (!src || !tr || tr.hasBaseline || baselining || pulled !== true || pulling) return;
      baselining = true;
      queryChats(src).then(
        (rows) => {
          baselining = false;
          if (untrack(tracker) !== tr) return;
          tr.baseline(rows);
          setWatching(true);
        },
        () => (baselining = false),
      );
    }),
  );
  createEffect(
    on(chatRows, (rows) => {
      const tr = untrack(tracker);
      if (!tr || !chatRows.loaded()) return;
      const change = tr.update(rows);
      const open = untrack(selection.selectedId);
      const arrived = change.arrived.filter((id) => id !== open);
      const gone = new Set(change.gone);
      setNewChats((prev) => [...prev.filter((id) => !gone.has(id)), ...arrived.filter((id) => !prev.includes(id))]);
      if (arrived.length) {
        const first = rows.find((r) => r.id === arrived[0]);
        alert({
          tag: `chat-${arrived[0]}`,
          title: t("newChatTitle"),
          body: first ? t("newChatBody", { contact: first.contactName, preview: first.lastMessagePreview }) : arrived.length === 1 ? t("newChat") : t("newChats", { count: arrived.length }),
          conversationId: arrived[0]!,
        });
      }
    }),
  );
  // Opening a chat is seeing it.
  createEffect(on(selection.selectedId, (id) => id && setNewChats((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : prev))));

  // A mention rings once: those already on the device when the app opened do not.
  let seenMentions: Set<string> | null = null;
  createEffect(on(userId, () => (seenMentions = null)));
  createEffect(
    on([stored, serverList], ([cached, list]) => {
      if (cached === null) return;
      seenMentions ??= new Set(cached.map((n) => n.id));
      if (!list) return;
      const fresh = list.filter((n) => n.readAt === null && !seenMentions!.has(n.id));
      for (const n of list) seenMentions.add(n.id);
      const newest = fresh.sort((a, b) => b.createdAt - a.createdAt)[0];
      if (newest) alert({ tag: `mention-${newest.id}`, title: alertTitle(newest), body: notificationText(newest).body, conversationId: newest.conversationId });
    }),
  );

  const openConversation = (conversationId: string) => {
    if (router.route().screen !== "inbox") router.navigate({ screen: "inbox" });
    selection.select(conversationId);
  };

  function alert(a: { tag: string; title: string; body: string; conversationId: string }) {
    const p = prefs();
    if (p.sound) playChime();
    // Desktop notifications are for when the agent is looking elsewhere.
    if (p.desktop && (document.visibilityState !== "visible" || !document.hasFocus())) {
      showDesktop(a.title, a.body, a.tag, () => openConversation(a.conversationId));
    }
  }

  const count = createMemo(() => unreadMentions() + newChats().length);

  // ---------- the tab title ----------
  const baseTitle = document.title.replace(/^\(\d+\+?\) /, "") || "Inbox";
  createEffect(() => {
    document.title = prefs().badge && userId() ? badgedTitle(baseTitle, count()) : baseTitle;
  });

  const markRead = async (ids?: string[]) => {
    const targets = ids ?? mentions().filter((n) => n.readAt === null).map((n) => n.id);
    if (!targets.length) return null;
    const at = Date.now();
    setReadHere((prev) => new Map([...prev, ...targets.map((id) => [id, at] as const)]));
    try {
      // A chunk of its own (classic zod response schema): not part of the first load (issue 17).
      const { notificationsApi } = await import("./notifications-api.ts");
      await notificationsApi.markNotificationsRead(ids);
      return null;
    } catch {
      setReadHere((prev) => new Map([...prev].filter(([id]) => !targets.includes(id))));
      return t("markFailed");
    }
  };

  return {
    mentions,
    unreadMentions,
    newChats,
    watching,
    count,
    prefs,
    async setPref(key, value) {
      const id = userId();
      if (!id) return null;
      if (key === "desktop" && value) {
        if (desktopPermission() === "unsupported") return t("desktopUnsupported");
        if (!(await askDesktopPermission())) return t("desktopDenied");
      }
      const next = { ...prefs(), [key]: value };
      setPrefs(next);
      savePrefs(localStorageOrNull(), id, next);
      return null;
    },
    markRead,
    open(n) {
      openConversation(n.conversationId);
      if (n.readAt === null) void markRead([n.id]);
    },
  };
}
