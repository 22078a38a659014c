import type { AuthDeps } from "../auth/sessions.ts";
import type { InterveneDeps } from "../conversations/intervene-deps.ts";
import type { NarrowViewers } from "../rooms/narrow-lists.ts";
import type { Mailer } from "./mailer.ts";

/**
 * What administering people needs: the record and rooms (their chats go back to the queue),
 * sign-in (sessions, sockets, passwords), who sees only their assigned chats (read again
 * when a role or someone's role changes), and the mailer invitations go out by (null: none
 * configured, or a runtime without one; the link is only shown).
 */
export interface PeopleDeps extends InterveneDeps, AuthDeps {
  narrowViewers: Pick<NarrowViewers, "refresh">;
  mailer: Mailer | null;
  /** PUBLIC_URL, when set: invitation links point there rather than where the request arrived (a proxy's inside address). */
  endpoints: { publicUrl: string };
}
