import { and, asc, eq, lte, min, sql } from "drizzle-orm";
import { newId, type Conversation } from "@inbox/shared";
import type { Writes } from "../db/record.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import { conversations } from "../db/schema.ts";
import { routeInBackground } from "../routing/index.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import { toConversation, type ConversationRow } from "../db/read-model.ts";

/** What waking snoozed chats needs; a woken chat nobody holds is routed (the core's router). */
export interface SnoozeDeps extends Writes, Publishes {
  router: { conversationWaiting(conversationId: string): Promise<unknown> };
}

/** How many due conversations one pass wakes; the next pass takes the rest. */
const WAKE_BATCH = 100;

/**
 * Snoozed conversations come back open when their time comes. The waker works from the record,
 * not from timers set when someone snoozed: each pass asks libSQL which snoozes are due, so a
 * restart (or a snooze set by another instance) loses nothing. Each wake is a conditional update
 * (still snoozed, still due) with its `conversation.woke` event inserted under the same condition
 * in the same transaction, so however many instances look, a conversation wakes once and has
 * one event. The Node server starts and stops its loop.
 */
export class SnoozeWaker extends LoopJob {
  /** Passes run one after another, whether the timer or `runDue` started them. */
  protected readonly loop: PollingLoop;

  constructor(
    private readonly core: SnoozeDeps,
    intervalMs = 5_000,
  ) {
    super();
    this.loop = new PollingLoop({
      intervalMs,
      firstDelayMs: 0,
      tick: () => this.wakeDue(),
      failure: "could not wake snoozed conversations",
    });
  }

  /**
   * Wakes what is due now and returns when the next snooze ends (null: none is set; snoozing
   * is new input). For runtimes without long-lived timers (a Worker's alarm). Waits for a pass
   * already under way, so passes never overlap.
   */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    const woken = await this.loop.exclusive(() => this.wakeDue(now));
    // A full batch means more may be due right now.
    if (woken.length === WAKE_BATCH) return now;
    const [row] = await this.core.db
      .select({ next: min(conversations.snoozedUntil) })
      .from(conversations)
      .where(sql`${conversations.status} = 'snoozed'`);
    const next = row?.next ?? null;
    return next === null ? null : Math.max(next, now);
  }

  /** One pass: wakes every conversation whose snooze is due now, and returns them. */
  async wakeDue(now: number = this.core.now()): Promise<Conversation[]> {
    const due = await this.core.db
      .select({ id: conversations.id })
      .from(conversations)
      // A literal status, so SQLite can use the partial index of due snoozes (migration 0010).
      .where(and(sql`${conversations.status} = 'snoozed'`, lte(conversations.snoozedUntil, now)))
      .orderBy(asc(conversations.snoozedUntil))
      .limit(WAKE_BATCH);
    const woken: Conversation[] = [];
    for (const { id } of due) {
      const c = await this.wake(id, now);
      if (c) woken.push(c);
    }
    return woken;
  }

  private wake(id: string, now: number): Promise<Conversation | null> {
    const { core } = this;
    return core.locks.run(`conversation:${id}`, async () => {
      const still = sql`id = ${id} and status = 'snoozed' and snoozed_until <= ${now}`;
      const results = await core.writer.write([
        core.db.run(sql`
          insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
          select ${newId()}, workspace_id, 'conversation.woke', id, 'system', null,
                 json_object('from', 'snoozed', 'to', 'open', 'until', snoozed_until), ${now}
          from conversations where ${still}`),
        core.db
          .update(conversations)
          .set({ status: "open", snoozedUntil: null })
          .where(and(eq(conversations.id, id), eq(conversations.status, "snoozed"), lte(conversations.snoozedUntil, now)))
          .returning(),
      ]);
      const row = (results[1] as ConversationRow[])[0];
      if (!row) return null; // another instance (or the customer writing) got there first
      const woken = toConversation(row);
      publish(core, woken);
      // A chat nobody holds is waiting again: routing hands it out (manual inboxes: no-op).
      if (woken.assigneeId === null) routeInBackground(`woken conversation ${id}`, () => core.router.conversationWaiting(id));
      return woken;
    });
  }
}
