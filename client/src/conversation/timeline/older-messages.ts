/**
 * Loading a conversation's earlier messages as the agent scrolls back: one page at a time
 * before the oldest message on the device, stored in the local database (which feeds the
 * timeline), until the server says the start is reached.
 */
import { pageCursor } from "@inbox/shared/api/chat";
import type { Message } from "@inbox/shared";
import { createSignal, onCleanup, type Accessor } from "solid-js";
import type { LocalDb } from "../../local/db.ts";
import { putMessages } from "../../local/store.ts";
import { chatApi } from "./chat-api.ts";

export interface OlderMessages {
  loading: Accessor<boolean>;
  /** The first message of the conversation is on the device. */
  reachedStart: Accessor<boolean>;
  error: Accessor<string | null>;
  /** Resolves with how many messages were added. */
  load(): Promise<number>;
}

export function createOlderMessages(args: {
  conversationId: string;
  messages: Accessor<readonly Message[]>;
  db: Accessor<LocalDb | null>;
  online: Accessor<boolean>;
}): OlderMessages {
  const [loading, setLoading] = createSignal(false);
  const [reachedStart, setReachedStart] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let disposed = false;
  onCleanup(() => (disposed = true));

  const load = async () => {
    const db = args.db();
    if (loading() || reachedStart() || !args.online() || !db) return 0;
    // The agent's own replies not yet on the server have no place in the server's order.
    const oldest = args.messages().find((m) => !m.id.startsWith("pending-"));
    setLoading(true);
    setError(null);
    try {
      const page = await chatApi.olderMessages(args.conversationId, oldest ? pageCursor(oldest) : null);
      if (disposed) return 0;
      if (page.messages.length) await putMessages(db, page.messages);
      if (!page.hasMore) setReachedStart(true);
      return page.messages.length;
    } catch (err) {
      if (!disposed) setError(err instanceof Error ? err.message : String(err));
      return 0;
    } finally {
      if (!disposed) setLoading(false);
    }
  };
  return { loading, reachedStart, error, load };
}
