/**
 * "Ana is typing…" in a web chat visitor's widget. While the agent types a reply, the server is
 * told at most every few seconds (`POST /api/conversations/:id/typing`), and told they stopped
 * after a pause or when they switch to another chat. It is a passing signal: nothing waits in the
 * outbox, a failed call (offline) is forgotten, and the widget stops showing it on its own after
 * a few seconds, or as soon as the reply arrives.
 */
import { ConversationTypingResponseSchema } from "@inbox/shared/api/widget";
import { request } from "../api/http.ts";

/** Said again this often while keys are pressed (the widget forgets it after 6 s). */
export const RELAY_RENEW_MS = 3_000;
/** No key for this long: stopped. */
export const RELAY_IDLE_MS = 4_000;

export type TypingPost = (conversationId: string, typing: boolean) => Promise<unknown>;

export interface TypingRelay {
  /** A key pressed in the reply box of this (web chat) conversation. */
  keystroke(conversationId: string): void;
  /** Stopped now (sent, or left the conversation). */
  stop(): void;
}

export function createTypingRelay(post: TypingPost, now: () => number = Date.now): TypingRelay {
  let current: string | null = null;
  let sentAt = 0;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const say = (id: string, typing: boolean) => void post(id, typing).catch(() => undefined);

  function stop(): void {
    if (idle) clearTimeout(idle);
    idle = null;
    if (current) say(current, false);
    current = null;
  }

  return {
    keystroke(conversationId) {
      if (current && current !== conversationId) stop();
      const at = now();
      if (current !== conversationId || at - sentAt >= RELAY_RENEW_MS) {
        current = conversationId;
        sentAt = at;
        say(conversationId, true);
      }
      if (idle) clearTimeout(idle);
      idle = setTimeout(stop, RELAY_IDLE_MS);
    },
    stop,
  };
}

/** The app's relay, over the REST API. */
export const typingRelay = createTypingRelay((id, typing) =>
  request(`/api/conversations/${encodeURIComponent(id)}/typing`, { body: { typing }, schema: ConversationTypingResponseSchema }),
);
