import { z } from "zod";

/**
 * What survives a page reload, per inbox: the customer's widget token and visitor id, plus any
 * messages typed but not yet confirmed by the server (resent with the same clientId on load,
 * which the server treats as the same message).
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PendingSchema = z.object({ clientId: z.string(), text: z.string(), choiceId: z.string().optional(), createdAt: z.number() });
export type PendingRecord = z.infer<typeof PendingSchema>;

const StoredSchema = z.object({
  v: z.literal(1),
  token: z.string().min(1),
  visitorId: z.string().min(1),
  outbox: z.array(PendingSchema).default([]),
  /** The email the visitor gave (start form, leave-a-message form, or when asked on leaving). */
  email: z.string().optional(),
  /** They were asked for their email once already: never nagged again in this chat. */
  emailAsked: z.boolean().optional(),
});
export type StoredSession = z.infer<typeof StoredSchema>;

export function storageKey(inboxId: string): string {
  return `inbox-widget:${inboxId}`;
}

export interface SessionStore {
  load(): StoredSession | null;
  save(session: { token: string; visitorId: string }): void;
  setOutbox(outbox: PendingRecord[]): void;
  setEmail(email: string): void;
  markEmailAsked(): void;
  clear(): void;
}

/** A memory-only Storage for when the page forbids localStorage (sandboxed iframes, some
 * private modes): the chat works, it just doesn't survive a reload. */
export function memoryStorage(): StorageLike {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

export function createSessionStore(storage: StorageLike, inboxId: string): SessionStore {
  const key = storageKey(inboxId);
  // Kept in memory too, so a full or failing storage never loses the session mid-chat.
  let current: StoredSession | null | undefined;

  function read(): StoredSession | null {
    let raw: string | null = null;
    try {
      raw = storage.getItem(key);
    } catch {
      return null;
    }
    if (!raw) return null;
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  function write(value: StoredSession | null): void {
    current = value;
    try {
      if (value) storage.setItem(key, JSON.stringify(value));
      else storage.removeItem(key);
    } catch {
      // Quota or security errors: keep going with the in-memory copy.
    }
  }

  return {
    load() {
      if (current === undefined) current = read();
      return current;
    },
    save({ token, visitorId }) {
      const prev = this.load();
      const outbox = prev && prev.token === token ? prev.outbox : [];
      write({ v: 1, token, visitorId, outbox });
    },
    setOutbox(outbox) {
      const prev = this.load();
      if (prev) write({ ...prev, outbox });
    },
    setEmail(email) {
      const prev = this.load();
      if (prev) write({ ...prev, email });
    },
    markEmailAsked() {
      const prev = this.load();
      if (prev) write({ ...prev, emailAsked: true });
    },
    clear() {
      write(null);
    },
  };
}
