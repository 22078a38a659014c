import { and, eq, sql } from "drizzle-orm";
import { can, canSeeTeam, newId, roomName, type Conversation } from "@inbox/shared";
import { conversations } from "../db/schema.ts";
import { eventInsert } from "../db/event-rows.ts";
import type { SessionUser } from "../http/app-env.ts";
import { forbiddenBecause, refusedWithFields } from "../http/http-error.ts";
import { afterCapacityFreed } from "../routing/index.ts";
import { supervisorsOf, tellPeople } from "../notifications/index.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { publish, type Publishes } from "../rooms/publish.ts";
import type { Writes } from "../db/record.ts";
import { getConversationRow, loadUser, toConversation, type ConversationRow } from "../db/read-model.ts";
import { eventWhere, movedMeanwhile } from "./assignment.ts";
import type { InterveneDeps } from "./intervene-deps.ts";

/** Supervisors and admins intervene: transfer, join, whisper. */
export function supervises(user: Pick<SessionUser, "role" | "permissions">): boolean {
  return can(user, "supervise");
}

/**
 * Moves a chat to another team's queue (its list, its routing). The chat leaves its assignee
 * (recorded as an assignment to nobody, so each chat's assignment events stay one chain) and
 * waits unassigned in the new team; both teams' routing look again. Like assigning, the change
 * holds only if the chat is still where the sender saw it.
 */
export async function transferConversation(
  core: InterveneDeps,
  user: SessionUser,
  id: string,
  teamId: string,
  opts: { reason?: string; expectedTeamId?: string } = {},
): Promise<Conversation> {
  if (!supervises(user)) throw forbiddenBecause("transfer_supervisors_only");
  const current = await conversationForUser(core, user, id);
  const team = await core.db.query.teams.findFirst({ where: (t, { eq: e }) => e(t.id, teamId) });
  if (!team || team.workspaceId !== user.workspaceId || !canSeeTeam(user, teamId)) {
    throw refusedWithFields(400, "validation_failed", "transfer_team_unknown", {}, { teamId: "unknown team" });
  }
  return core.locks.run(`conversation:${id}`, async () => {
    const row = (await getConversationRow(core.db, id)) ?? current;
    if (opts.expectedTeamId !== undefined && row.teamId !== opts.expectedTeamId) throw await movedMeanwhile(core, row);
    if (row.teamId === teamId) return toConversation(row);
    const reason = opts.reason?.trim() || undefined;
    const at = core.now();
    const from = row.assigneeId;
    const guard = and(sql`id = ${id} and team_id = ${row.teamId}`, from === null ? sql`assignee_id is null` : sql`assignee_id = ${from}`)!;
    const transferId = newId();
    const data = { fromTeam: row.teamId, toTeam: teamId, from, ...(reason ? { why: reason } : {}) };
    const results = await core.writer.write([
      ...(from !== null
        ? [eventWhere(core, guard, { id: newId(), type: "conversation.assigned", actorId: user.id, data: { from, to: null, reason: "transfer", toTeam: teamId }, at })]
        : []),
      eventWhere(core, guard, { id: transferId, type: "conversation.transferred", actorId: user.id, data, at }),
      core.db
        .update(conversations)
        .set({ teamId, assigneeId: null, offeredTo: null, offeredAt: null, offerExpiresAt: null, reroutedFrom: null })
        .where(guard)
        .returning(),
    ]);
    const updatedRow = (results[results.length - 1] as ConversationRow[])[0];
    if (!updatedRow) throw await movedMeanwhile(core, (await getConversationRow(core.db, id)) ?? row);
    const updated = toConversation(updatedRow);
    core.live.apply(roomName({ kind: "team", id: row.teamId }), [{ kind: "team.conversation.removed", id }]);
    publish(core, updated);
    afterCapacityFreed(core, row.teamId);
    afterCapacityFreed(core, teamId);
    await tellPeople(core, row, { kind: "transferred", userIds: [from], actor: { id: user.id, name: user.name }, excerpt: reason ?? team.name, key: transferId });
    return updated;
  });
}

/**
 * An agent raises a hand for help on a chat (or lowers it): stored on the conversation, so the
 * list, the header and the supervisors' board show it; raising tells the team's supervisors.
 */
export async function setHand(core: InterveneDeps, user: SessionUser, id: string, raised: boolean): Promise<Conversation> {
  const current = await conversationForUser(core, user, id);
  return core.locks.run(`conversation:${id}`, async () => {
    const row = (await getConversationRow(core.db, id)) ?? current;
    if ((row.helpRequestedAt !== null) === raised) return toConversation(row);
    const at = core.now();
    const eventId = newId();
    const [, updatedRows] = await core.writer.write([
      eventInsert(core, { ...by(row, user, at), type: raised ? "conversation.hand_raised" : "conversation.hand_lowered", data: raised ? {} : { raisedBy: row.helpRequestedBy } }),
      core.db
        .update(conversations)
        .set(raised ? { helpRequestedAt: at, helpRequestedBy: user.id } : { helpRequestedAt: null, helpRequestedBy: null })
        .where(eq(conversations.id, id))
        .returning(),
    ]);
    const updated = toConversation((updatedRows as ConversationRow[])[0]!);
    publish(core, updated);
    if (raised) await tellPeople(core, row, { kind: "hand_raised", userIds: await supervisorsOf(core, row), actor: { id: user.id, name: user.name }, key: eventId });
    return updated;
  });
}

/**
 * A supervisor joins a chat: they may then reply as usual. Recorded in the chat's history, told
 * to the assignee, and a raised hand is lowered: help has come.
 */
export async function joinConversation(core: InterveneDeps, user: SessionUser, id: string): Promise<Conversation> {
  if (!supervises(user)) throw forbiddenBecause("join_supervisors_only");
  const current = await conversationForUser(core, user, id);
  return core.locks.run(`conversation:${id}`, async () => {
    const row = (await getConversationRow(core.db, id)) ?? current;
    const at = core.now();
    const eventId = newId();
    const results = await core.writer.write([
      eventInsert(core, { ...by(row, user, at), type: "supervisor.joined", data: { assigneeId: row.assigneeId, handWas: row.helpRequestedBy } }),
      core.db.update(conversations).set({ helpRequestedAt: null, helpRequestedBy: null }).where(eq(conversations.id, id)).returning(),
    ]);
    const updated = toConversation((results[1] as ConversationRow[])[0]!);
    publish(core, updated);
    await tellPeople(core, row, { kind: "joined", userIds: [row.assigneeId, row.helpRequestedBy], actor: { id: user.id, name: user.name }, key: eventId });
    return updated;
  });
}

/** A supervisor's whisper (a note to the assignee): recorded, told to the agent, and it answers a raised hand. */
export async function recordWhisper(core: Writes & Publishes, conv: ConversationRow, author: { id: string; name: string }, whisper: { noteId: string; to: string; text: string }): Promise<void> {
  const at = core.now();
  await core.locks.run(`conversation:${conv.id}`, async () => {
    const row = (await getConversationRow(core.db, conv.id)) ?? conv;
    const ops = [
      eventInsert(core, { workspaceId: row.workspaceId, conversationId: row.id, type: "supervisor.whispered", actorKind: "agent", actorId: author.id, data: { noteId: whisper.noteId, to: whisper.to }, at }),
    ] as const;
    if (row.helpRequestedAt === null) {
      await core.writer.write([...ops]);
      return;
    }
    const results = await core.writer.write([...ops, core.db.update(conversations).set({ helpRequestedAt: null, helpRequestedBy: null }).where(eq(conversations.id, row.id)).returning()]);
    const updated = (results[1] as ConversationRow[])[0];
    if (updated) publish(core, toConversation(updated));
  });
  // Told only to someone who may see the chat: a whisper cannot reach outside its team or workspace.
  const to = await loadUser(core.db, whisper.to);
  if (!to || to.workspaceId !== conv.workspaceId || !canSeeTeam(to, conv.teamId)) return;
  await tellPeople(core, conv, { kind: "whisper", userIds: [to.id], actor: author, excerpt: whisper.text, key: whisper.noteId });
}

/** The supervisors who lead the chat's team; if none is a member of it, every supervisor of the workspace. */
function by(row: ConversationRow, user: SessionUser, at: number) {
  return { workspaceId: row.workspaceId, conversationId: row.id, actorKind: "agent" as const, actorId: user.id, at };
}
