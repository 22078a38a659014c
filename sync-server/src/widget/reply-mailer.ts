import { and, asc, eq, isNull, lt, lte, min, or } from "drizzle-orm";
import { widgetAppearanceOf } from "@inbox/shared/domain/widget-appearance";
import type { Writes } from "../db/record.ts";
import { eventInsert } from "../db/event-rows.ts";
import { contacts, inboxes, messages, replyEmails } from "../db/schema.ts";
import { customerLanguage } from "../messages/index.ts";
import type { Mailer } from "../people/index.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import { replyEmailWords } from "./reply-email-words.ts";

const BATCH = 20;
const LEASE_MS = 60_000;
/** Tries before a reply email is given up (with the backoff, about an hour). */
const MAX_ATTEMPTS = 5;

type Due = typeof replyEmails.$inferSelect;

/**
 * Emails web chat replies to visitors who left their address (outbox/reply-email-queue.ts
 * queues them when no widget took the reply). When due, a reply goes only if the visitor has
 * not seen it meanwhile (still "sent", not delivered or read) and the address is still there.
 * Each is claimed by moving `claimed_until` ahead (one conditional update), so two processes
 * never send it twice at once; deleted once sent, with a `message.emailed` event. A mail
 * server that refuses is tried again later, a few times. Only a server with a `Mailer` (SMTP_URL
 * set, on Node or Workers) queues or sends them.
 */
export class ReplyMailer extends LoopJob {
  protected readonly loop: PollingLoop;

  constructor(
    private readonly core: Writes,
    private readonly mailer: Mailer,
    intervalMs = 15_000,
  ) {
    super();
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 5_000, tick: () => this.sendDue(), failure: "could not email replies to visitors" });
  }

  /** Sends what is due; says when the next one is (null: none waits). For a Worker's alarm. */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    const sent = await this.loop.exclusive(() => this.sendDue(now));
    if (sent === BATCH) return now;
    const [row] = await this.core.db.select({ next: min(replyEmails.dueAt) }).from(replyEmails);
    return row?.next == null ? null : Math.max(row.next, now);
  }

  /** One pass; returns how many it took. */
  async sendDue(now: number = this.core.now()): Promise<number> {
    const due = await this.core.db
      .select()
      .from(replyEmails)
      .where(and(lte(replyEmails.dueAt, now), or(isNull(replyEmails.claimedUntil), lt(replyEmails.claimedUntil, now))))
      .orderBy(asc(replyEmails.dueAt))
      .limit(BATCH);
    let taken = 0;
    for (const item of due) {
      if (!(await this.claim(item, now))) continue;
      taken++;
      await this.send(item, now).catch((err: unknown) => console.error(`reply email for message ${item.messageId} failed`, err));
    }
    return taken;
  }

  private async claim(item: Due, now: number): Promise<boolean> {
    const [claimed] = (await this.core.writer.write([
      this.core.db
        .update(replyEmails)
        .set({ claimedUntil: now + LEASE_MS })
        .where(and(eq(replyEmails.messageId, item.messageId), or(isNull(replyEmails.claimedUntil), lt(replyEmails.claimedUntil, now))))
        .returning({ id: replyEmails.messageId }),
    ])) as [{ id: string }[]];
    return claimed.length > 0;
  }

  private async send(item: Due, now: number): Promise<void> {
    const { db } = this.core;
    const [row] = await db
      .select({ message: messages, email: contacts.email, emailLeftAt: contacts.emailLeftAt, inboxName: inboxes.name, inboxSettings: inboxes.settings })
      .from(messages)
      .innerJoin(contacts, eq(contacts.id, item.contactId))
      .innerJoin(inboxes, eq(inboxes.id, messages.inboxId))
      .where(eq(messages.id, item.messageId));
    const drop = db.delete(replyEmails).where(eq(replyEmails.messageId, item.messageId));
    // Seen in the widget meanwhile, erased, or the address taken back: nothing to send.
    if (!row || row.message.status !== "sent" || !row.email || row.emailLeftAt === null || !row.message.text) {
      await this.core.writer.write([drop]);
      return;
    }
    const language = await customerLanguage(this.core, row.message.conversationId);
    const mail = replyEmailWords({ language, team: widgetAppearanceOf(row.inboxSettings).teamName || row.inboxName, agent: row.message.senderName ?? "", text: row.message.text });
    try {
      await this.mailer.send({ to: row.email, ...mail });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const attempts = item.attempts + 1;
      await this.core.writer.write([
        attempts >= MAX_ATTEMPTS
          ? drop
          : db
              .update(replyEmails)
              .set({ attempts, claimedUntil: null, lastError: reason, dueAt: now + 60_000 * 2 ** attempts })
              .where(eq(replyEmails.messageId, item.messageId)),
      ]);
      if (attempts >= MAX_ATTEMPTS) console.error(`gave up emailing the reply ${item.messageId} after ${attempts} tries: ${reason}`);
      return;
    }
    await this.core.writer.write([
      drop,
      eventInsert(this.core, {
        workspaceId: item.workspaceId,
        conversationId: row.message.conversationId,
        type: "message.emailed",
        actorKind: "system",
        actorId: null,
        // Where it went is the visitor's own address, already on their contact: not repeated here.
        data: { messageId: item.messageId },
        at: now,
      }),
    ]);
  }
}
