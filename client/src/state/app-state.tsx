/**
 * The one provider of client state. Slices are small and each owns one concern; they are
 * created together here because they depend on each other in one direction only:
 * session → local (database, outbox, pull) → users, conversations → selection, channels.
 * The route (inbox or admin settings) depends on nothing.
 */
import { createContext, useContext, type ParentProps } from "solid-js";
import { createChannelsSlice, type ChannelsSlice } from "./channels.ts";
import { createConversationsSlice, type ConversationsSlice } from "./conversations.ts";
import { createLocalSlice, type LocalSlice } from "./local.ts";
import { createRouteSlice, type RouteSlice } from "./route.ts";
import { createSelectionSlice, type SelectionSlice } from "./selection.ts";
import { createSessionSlice, type SessionSlice } from "./session.ts";
import { createUsersSlice, type UsersSlice } from "./users.ts";
import { createNotificationsSlice, type NotificationsSlice } from "./notifications.ts";
import { prefetchContent } from "./content.ts";
import { createPresenceSlice, type PresenceSlice } from "../sync/presence.ts";
import { followUserLocale } from "../i18n/locale-preference.ts";

export interface AppState {
  session: SessionSlice;
  local: LocalSlice;
  users: UsersSlice;
  conversations: ConversationsSlice;
  selection: SelectionSlice;
  channels: ChannelsSlice;
  router: RouteSlice;
  /** Mentions and new chats: the bell, sound, desktop notifications and the title badge. */
  notifications: NotificationsSlice;
  /** Colleagues viewing or typing on a conversation (Yjs awareness in the team rooms). */
  presence: PresenceSlice;
}

const AppStateContext = createContext<AppState>();

export function AppStateProvider(props: ParentProps) {
  const router = createRouteSlice();
  const session = createSessionSlice();
  followUserLocale(() => session.me()?.user ?? null, session.reload);
  const local = createLocalSlice(session);
  const users = createUsersSlice(session, local);
  const conversations = createConversationsSlice(session, local);
  const selection = createSelectionSlice(session, local, conversations);
  const channels = createChannelsSlice(session, conversations);
  const notifications = createNotificationsSlice(session, local, selection, router);
  prefetchContent(local.db);
  const presence = createPresenceSlice(
    () => session.me()?.user ?? null,
    () => {
      const c = selection.conversation();
      return c ? { id: c.id, teamId: c.teamId } : null;
    },
  );
  return (
    <AppStateContext.Provider value={{ session, local, users, conversations, selection, channels, router, presence, notifications }}>
      {props.children}
    </AppStateContext.Provider>
  );
}

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error("useAppState must be used inside <AppStateProvider>");
  return state;
}
