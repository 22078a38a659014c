import { roomName } from "@inbox/shared";
import type { Caches } from "../db/caches.ts";
import type { Writes } from "../db/record.ts";
import { conversationKey, latestConversationId } from "../messages/index.ts";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import type { Visitor } from "./widget-sessions.ts";

/** A typing state is written again at most this often while the visitor keeps typing. */
export const TYPING_RENEW_MS = 4_000;
/** And never more than once a second, whatever the socket sends. */
const MIN_GAP_MS = 1_000;

export interface VisitorTypingDeps extends Writes {
  caches: Pick<Caches, "latestConversation">;
  live: LiveRooms;
  visitorTyping: VisitorTypingState;
}

/**
 * What this process last wrote per conversation (the time the visitor was written as typing),
 * so a stream of typing frames becomes a few room writes: the first, a renewal every few
 * seconds, and the stop. On Workers a visitor's frames all reach their own VisitorObject, so
 * this state stays whole there too.
 */
export class VisitorTypingState {
  readonly typingSince = new Map<string, number>();
  readonly lastWrite = new Map<string, number>();
}

/**
 * The visitor typed (or stopped): shown in the agent's open conversation through the conv room's
 * meta map. Before their first message there is no conversation, and nothing to show.
 */
export async function visitorTyping(core: VisitorTypingDeps, visitor: Visitor, typing: boolean): Promise<void> {
  // The conversation their next message continues, from the same cache ingest keeps.
  const owner = { visitorId: visitor.visitorId, contactId: visitor.contactId };
  const conversationId = await latestConversationId(core, conversationKey(visitor.inbox.id, owner), visitor.inbox.id, owner);
  if (conversationId) writeTyping(core, conversationId, typing);
}

/** The visitor's message arrived: they are no longer typing. */
export function visitorStoppedTyping(core: VisitorTypingDeps, conversationId: string): void {
  if (core.visitorTyping.typingSince.has(conversationId)) writeTyping(core, conversationId, false);
}

function writeTyping(core: VisitorTypingDeps, conversationId: string, typing: boolean): void {
  const state = core.visitorTyping;
  const now = core.now();
  const since = state.typingSince.get(conversationId);
  const last = state.lastWrite.get(conversationId) ?? 0;
  if (typing) {
    if (since !== undefined && now - since < TYPING_RENEW_MS) return;
    if (now - last < MIN_GAP_MS) return;
    state.typingSince.set(conversationId, now);
  } else {
    if (since === undefined) return;
    state.typingSince.delete(conversationId);
  }
  state.lastWrite.set(conversationId, now);
  // Bounded: entries of conversations nobody types in any more go.
  if (state.lastWrite.size > 10_000) {
    for (const [id, at] of state.lastWrite) {
      if (now - at < 60_000) continue;
      state.lastWrite.delete(id);
      state.typingSince.delete(id);
    }
  }
  core.live.apply(roomName({ kind: "conv", id: conversationId }), [{ kind: "conv.typing", typing, at: now }]);
}
