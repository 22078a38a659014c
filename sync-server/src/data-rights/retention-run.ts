import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { roomName } from "@inbox/shared";
import type { RetentionReport } from "@inbox/shared/api/data-rights";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { conversations, deletions, docUpdates, linkedTickets, media, messages, notifications, outbox, processedCommands, pushDeliveries, slaAlerts } from "../db/schema.ts";
import type { ActorFields } from "../http/audit-actor.ts";
import type { DataRightsDeps } from "./deps.ts";
import { dueInTeam, earliest, latest, resolvedBefore, retentionCutoff, teamsOf, yieldTurn } from "./retention-scan.ts";

/** Conversations deleted per transaction: each batch is one short commit, then others go first. */
export const RETENTION_BATCH = 200;

export interface RetentionRunOptions {
  now: number;
  /** Who ran it (an admin's "Run now"); null: the schedule. */
  actor: ActorFields | null;
  batchSize?: number;
}

interface BatchOutcome {
  conversations: { id: string; teamId: string }[];
  messages: number;
  files: string[];
  notifications: { id: string; userId: string }[];
}

/**
 * Deletes the workspace's conversations resolved more than `days` ago, with everything that
 * hangs off them (messages, their pending sends, notes and drafts in the work room, linked
 * tickets, @mention notifications, SLA alerts, queued Web Push messages, media files, stored answers to reply commands, the
 * rooms' stored histories), in batches of RETENTION_BATCH conversations per transaction with a
 * turn for the rest of the server between batches. Each deleted conversation gets a `deletions`
 * row, so devices drop it at their next pull. Events stay (append-only; they hold ids, not words).
 * One run per workspace at a time; audited with counts (a scheduled run that found nothing is not).
 */
export async function runRetention(core: DataRightsDeps, workspaceId: string, days: number, opts: RetentionRunOptions): Promise<RetentionReport> {
  return core.locks.run(`retention:${workspaceId}`, async () => {
    const cutoff = retentionCutoff(opts.now, days);
    const batchSize = opts.batchSize ?? RETENTION_BATCH;
    const report: RetentionReport = { retentionDays: days, cutoff, conversations: 0, messages: 0, mediaFiles: 0, oldestActivityAt: null, newestActivityAt: null };
    const teams = new Set<string>();
    const users = new Set<string>();
    let batches = 0;
    for (const teamId of await teamsOf(core, workspaceId)) {
      for (;;) {
        const due = await core.db
          .select({ id: conversations.id, lastActivityAt: conversations.lastActivityAt })
          .from(conversations)
          .where(dueInTeam(teamId, cutoff))
          .orderBy(asc(conversations.lastActivityAt))
          .limit(batchSize);
        if (due.length === 0) break;
        const done = await deleteBatch(core, workspaceId, due.map((c) => c.id), cutoff, opts.now);
        batches++;
        const gone = new Set(done.conversations.map((c) => c.id));
        for (const c of due.filter((c) => gone.has(c.id))) {
          report.oldestActivityAt = earliest(report.oldestActivityAt, c.lastActivityAt);
          report.newestActivityAt = latest(report.newestActivityAt, c.lastActivityAt);
        }
        report.conversations += done.conversations.length;
        report.messages += done.messages;
        report.mediaFiles += done.files.length;
        if (done.conversations.length) teams.add(teamId);
        for (const n of done.notifications) users.add(n.userId);
        await afterBatch(core, done);
        await yieldTurn();
        // Fewer than asked, or none deleted (each became active again meanwhile): this team is done.
        if (due.length < batchSize || done.conversations.length === 0) break;
      }
    }
    // Team lists and notification rooms held the deleted conversations: stored as they are now.
    for (const room of [...[...teams].map((id) => roomName({ kind: "team", id })), ...[...users].map((id) => roomName({ kind: "user", id }))]) {
      await core.roomHistory.rewrite(room, []).catch((err: unknown) => console.error(`could not compact room ${room} after retention`, err));
    }
    if (opts.actor || report.conversations > 0) {
      const data = { trigger: opts.actor ? "manual" : "schedule", batches, ...report };
      await core.writer.write([
        eventInsert(core, { workspaceId, type: "retention.ran", actorKind: opts.actor ? "agent" : "system", actorId: opts.actor?.actorId ?? null, data, at: opts.now }),
        auditInsert(core, { workspaceId, ...(opts.actor ?? { actorId: null, actorName: null }), action: "retention.run", target: workspaceId, data, at: opts.now }),
      ]);
    }
    return report;
  });
}

/**
 * One transaction. Every statement names the batch again with its conditions, so a
 * conversation that became active between the selection and this commit is left whole.
 */
async function deleteBatch(core: DataRightsDeps, workspaceId: string, ids: string[], cutoff: number, now: number): Promise<BatchOutcome> {
  const { db } = core;
  const gone = and(inArray(conversations.id, ids), resolvedBefore(cutoff))!;
  const batch = db.select({ id: conversations.id }).from(conversations).where(gone);
  const theirMessages = db.select({ id: messages.id }).from(messages).where(inArray(messages.conversationId, batch));
  const roomsOf = (kind: "conv" | "work") => db.select({ room: sql<string>`${`${kind}.`} || ${conversations.id}` }).from(conversations).where(gone);
  const results = await core.writer.write([
    db.run(
      sql`insert into ${deletions} (workspace_id, kind, record_id, team_id, at) select ${conversations.workspaceId}, 'conversation', ${conversations.id}, ${conversations.teamId}, ${now} from ${conversations} where ${gone}`,
    ),
    db.delete(outbox).where(inArray(outbox.messageId, theirMessages)),
    // Answers stored for replies (they hold the reply's text), by the reply's client id.
    db
      .delete(processedCommands)
      .where(
        and(
          eq(processedCommands.workspaceId, workspaceId),
          inArray(processedCommands.clientId, db.select({ clientId: messages.clientId }).from(messages).where(and(inArray(messages.conversationId, batch), isNotNull(messages.clientId)))),
        ),
      ),
    db.delete(notifications).where(inArray(notifications.conversationId, batch)).returning({ id: notifications.id, userId: notifications.userId }),
    db.delete(linkedTickets).where(inArray(linkedTickets.conversationId, batch)),
    db.delete(slaAlerts).where(inArray(slaAlerts.conversationId, batch)),
    db.delete(media).where(inArray(media.conversationId, batch)).returning({ key: media.key }),
    db.delete(docUpdates).where(or(inArray(docUpdates.room, roomsOf("conv")), inArray(docUpdates.room, roomsOf("work")))),
    db.delete(messages).where(inArray(messages.conversationId, batch)).returning({ id: messages.id }),
    // Queued Web Push messages about them (the customer's name and words).
    db.delete(pushDeliveries).where(inArray(pushDeliveries.conversationId, batch)),
    db.delete(conversations).where(gone).returning({ id: conversations.id, teamId: conversations.teamId }),
  ]);
  const pick = <T>(i: number) => results[i] as T;
  return {
    notifications: pick<{ id: string; userId: string }[]>(3),
    files: pick<{ key: string }[]>(6).map((m) => m.key),
    messages: pick<{ id: string }[]>(8).length,
    conversations: pick<{ id: string; teamId: string }[]>(10),
  };
}

/** After a batch commits: files out of storage, the conversations out of live lists and rooms, caches forget them. */
async function afterBatch(core: DataRightsDeps, done: BatchOutcome): Promise<void> {
  const ids = new Set(done.conversations.map((c) => c.id));
  core.caches.latestConversation.deleteWhere((_key, conversationId) => ids.has(conversationId));
  await Promise.allSettled(done.files.map((key) => core.blobs.delete(key)));
  for (const c of done.conversations) core.live.apply(roomName({ kind: "team", id: c.teamId }), [{ kind: "team.conversation.removed", id: c.id }]);
  const byUser = new Map<string, string[]>();
  for (const n of done.notifications) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n.id]);
  for (const [userId, list] of byUser) core.live.apply(roomName({ kind: "user", id: userId }), [{ kind: "user.notifications.removed", ids: list }]);
  const dropped = await Promise.allSettled(
    done.conversations.flatMap((c) => [core.roomHistory.drop(roomName({ kind: "conv", id: c.id })), core.roomHistory.drop(roomName({ kind: "work", id: c.id }))]),
  );
  for (const d of dropped) if (d.status === "rejected") console.error("could not drop a deleted conversation's room", d.reason);
}
