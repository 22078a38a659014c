import type { AuthDeps } from "../auth/sessions.ts";
import type { InterveneDeps } from "../conversations/intervene-deps.ts";

/** What administering people needs: the record and rooms (their chats go back to the queue), sign-in (sessions, sockets, passwords). */
export interface PeopleDeps extends InterveneDeps, AuthDeps {}
