/**
 * The state every area reads: one object of slices, each owning one concern, handed down by the
 * shell's <AppStateProvider> (which creates them in dependency order). Areas only read it here;
 * the slices' types come from the areas that own them (type imports only, so nothing here loads
 * an area).
 */
import { createContext, useContext } from "solid-js";
import type { ConversationsSlice } from "../conversation-list/index.ts";
import type { SelectionSlice } from "../conversation/index.ts";
import type { NotificationsSlice } from "../notifications/index.ts";
import type { ChannelsSlice } from "../shell/index.ts";
import type { PresenceSlice } from "../sync/presence.ts";
import type { LocalSlice } from "./local.ts";
import type { RouteSlice } from "./route.ts";
import type { SessionSlice } from "./session.ts";
import type { UsersSlice } from "./users.ts";

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

export const AppStateContext = createContext<AppState>();

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error("useAppState must be used inside <AppStateProvider>");
  return state;
}
