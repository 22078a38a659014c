/**
 * The open conversation's recorded changes for the timeline: read from the device first (kept in
 * the `kv` table, so the history shows offline), then fetched again whenever the conversation
 * changes (assignee, status, priority, labels) or a message is retried.
 */
import { DomainEventSchema, type DomainEvent } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import { z } from "zod";
import type { LocalDb } from "../../local/db.ts";
import { chatApi } from "./chat-api.ts";
import { eventLine } from "./event-lines.ts";

const KV_PREFIX = "chat.events.";
const StoredSchema = z.array(DomainEventSchema);
/** Changes often come in bursts (assign then pick up): one fetch for the burst. */
const REFRESH_DELAY_MS = 250;

/** Only what the timeline shows is kept. */
const shown = (events: DomainEvent[]) => events.filter((e) => eventLine(e, () => undefined) !== null);

export function createConversationEvents(args: {
  conversationId: string;
  db: Accessor<LocalDb | null>;
  online: Accessor<boolean>;
  /** Changes whenever the conversation's state does. */
  version: Accessor<string>;
}): { events: Accessor<DomainEvent[]>; refresh(): void } {
  const [events, setEvents] = createSignal<DomainEvent[]>([]);
  const [bump, setBump] = createSignal(0);
  let fetched = false;
  let disposed = false;
  onCleanup(() => (disposed = true));
  const key = KV_PREFIX + args.conversationId;
  // The conversation object changes with every message; only a change of its state refetches.
  const version = createMemo(args.version);

  createEffect(
    on(args.db, (db) => {
      if (!db) return;
      db.kv.get(key).then(
        (row) => {
          const stored = StoredSchema.safeParse(row?.value);
          if (!disposed && !fetched && stored.success) setEvents(stored.data);
        },
        () => {},
      );
    }),
  );

  createEffect(
    on([version, bump, args.online], ([, , online]) => {
      if (!online) return;
      const timer = setTimeout(() => {
        chatApi.events(args.conversationId).then(
          (r) => {
            if (disposed) return;
            fetched = true;
            const list = shown(r.events);
            setEvents(list);
            args.db()?.kv.put({ key, value: list }).catch(() => {});
          },
          // Offline or refused: the stored history stands.
          () => {},
        );
      }, REFRESH_DELAY_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );

  return { events, refresh: () => setBump((n) => n + 1) };
}
