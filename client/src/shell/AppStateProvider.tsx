/**
 * The one provider of client state. Slices are small and each owns one concern; they are
 * created together here because they depend on each other in one direction only:
 * session → local (database, outbox, pull) → users, conversations → selection, channels.
 * The route (inbox or admin settings) depends on nothing.
 */
import { createEffect, createSignal, onCleanup, type ParentProps } from "solid-js";
import { AppStateContext, createLocalSlice, createRouteSlice, createSessionSlice, createUsersSlice, followUserLocale } from "../app/index.ts";
import { prefetchContent } from "../composer/index.ts";
import { createConversationsSlice } from "../conversation-list/index.ts";
import { createSelectionSlice } from "../conversation/index.ts";
import { createNotificationsSlice } from "../notifications/index.ts";
import { whenLive } from "../sync/live.ts";
import type { PresenceSlice } from "../sync/presence.ts";
import { createChannelsSlice } from "./channels.ts";
import { whenIdle } from "../ui/on-demand.ts";

export function AppStateProvider(props: ParentProps) {
  const router = createRouteSlice();
  // Once the inbox has drawn its first rows, what can wait (the server's checks, the API layer's
  // chunk, notifications, content) follows (issue 17).
  const [listDrawn, setListDrawn] = createSignal(false);
  const session = createSessionSlice(listDrawn);
  followUserLocale(() => session.me()?.user ?? null, session.reload);
  const local = createLocalSlice(session);
  const users = createUsersSlice(session, local, listDrawn);
  const conversations = createConversationsSlice(session, local);
  const selection = createSelectionSlice(session, local, conversations);
  const channels = createChannelsSlice(session, conversations);
  // When the page is next idle after the rows are there: they have been drawn by then.
  createEffect(() => {
    if (listDrawn() || conversations.loading()) return;
    onCleanup(whenIdle(() => setListDrawn(true)));
  });
  const notifications = createNotificationsSlice(session, local, selection, router, listDrawn);
  prefetchContent(local.db, listDrawn);
  // Presence travels in the team rooms: nobody is shown until the live layer is there.
  const livePresence = whenLive((live) =>
    live.createPresenceSlice(
      () => session.me()?.user ?? null,
      () => {
        const c = selection.conversation();
        return c ? { id: c.id, teamId: c.teamId } : null;
      },
    ),
  );
  const presence: PresenceSlice = { colleagues: (id) => livePresence()?.colleagues(id) ?? [] };
  return (
    <AppStateContext.Provider value={{ session, local, users, conversations, selection, channels, router, presence, notifications }}>
      {props.children}
    </AppStateContext.Provider>
  );
}
