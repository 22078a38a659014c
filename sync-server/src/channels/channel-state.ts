import { eq } from "drizzle-orm";
import { roomName, type ChannelStatus } from "@inbox/shared";
import type { ChannelsDeps } from "./channel-access.ts";
import { inboxes } from "../db/schema.ts";
import { auditInsert, type AuditActor } from "../db/event-rows.ts";
import { toInbox, type InboxRow } from "../db/read-model.ts";

/**
 * Moves a channel between the seed's failure states (active, disabled, token expired, rate
 * limited until a time). Recorded in the audit log, where admins see why, and published to
 * the team's room so every agent's composer reflects it at once.
 */
export async function setChannelStatus(
  core: ChannelsDeps,
  inbox: InboxRow,
  status: ChannelStatus,
  change: AuditActor & { reason: string; pausedUntil?: number | null },
): Promise<InboxRow> {
  const pausedUntil = status === "rate_limited" ? (change.pausedUntil ?? null) : null;
  if (inbox.status === status && inbox.pausedUntil === pausedUntil) return inbox;
  const results = await core.writer.write([
    core.db.update(inboxes).set({ status, pausedUntil }).where(eq(inboxes.id, inbox.id)).returning(),
    auditInsert(core, {
      workspaceId: inbox.workspaceId,
      actorId: change.actorId,
      actorName: change.actorName,
      ip: change.ip,
      userAgent: change.userAgent,
      action: `channel.${status}`,
      target: inbox.id,
      data: { from: inbox.status, to: status, reason: change.reason, ...(pausedUntil ? { pausedUntil } : {}) },
      at: core.now(),
    }),
  ]);
  const updated = (results[0] as InboxRow[])[0]!;
  core.caches.inboxes.delete(inbox.id);
  core.live.apply(roomName({ kind: "team", id: updated.teamId }), [{ kind: "team.inbox", inbox: toInbox(updated) }]);
  return updated;
}
