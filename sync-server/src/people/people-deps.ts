import type { AuthDeps } from "../auth/sessions.ts";
import type { InterveneDeps } from "../conversations/intervene-deps.ts";
import type { NarrowViewers } from "../rooms/narrow-lists.ts";

/**
 * What administering people needs: the record and rooms (their chats go back to the queue),
 * sign-in (sessions, sockets, passwords), and who sees only their assigned chats (read again
 * when a role or someone's role changes).
 */
export interface PeopleDeps extends InterveneDeps, AuthDeps {
  narrowViewers: Pick<NarrowViewers, "refresh">;
}
