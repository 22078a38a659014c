import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { newId, seesAllTeams } from "@inbox/shared";
import type { CannedResponse, CannedResponseInput } from "@inbox/shared/api/content";
import type { Writes } from "../db/record.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { cannedResponses, teams } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, refusedWithFields } from "../http/http-error.ts";
import { auditInsert, eventInsert } from "../db/event-rows.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";

type CannedRow = typeof cannedResponses.$inferSelect;

export function toCanned(row: CannedRow): CannedResponse {
  return { id: row.id, shortcut: row.shortcut, title: row.title, text: row.text, teamId: row.teamId, updatedAt: row.updatedAt };
}

/**
 * The canned responses this user may use: the workspace-wide ones and those of their teams
 * (admins, who oversee every team, get all of them), by shortcut.
 */
export async function listCanned(core: Writes, user: SessionUser): Promise<CannedResponse[]> {
  const inWorkspace = eq(cannedResponses.workspaceId, user.workspaceId);
  const visible = seesAllTeams(user)
    ? inWorkspace
    : and(inWorkspace, user.teamIds.length ? or(isNull(cannedResponses.teamId), inArray(cannedResponses.teamId, user.teamIds)) : isNull(cannedResponses.teamId));
  const rows = await core.db.select().from(cannedResponses).where(visible).orderBy(asc(cannedResponses.shortcut));
  return rows.map(toCanned);
}

/** Creates (id null) or replaces a canned response; a taken shortcut is refused in words. */
export async function saveCanned(core: Writes, user: SessionUser, id: string | null, input: CannedResponseInput, from: RequestOrigin | null): Promise<CannedResponse> {
  if (input.teamId) {
    const team = await core.db.query.teams.findFirst({ where: and(eq(teams.id, input.teamId), eq(teams.workspaceId, user.workspaceId)) });
    if (!team) throw refusedWithFields(400, "validation_failed", "team_not_in_workspace", {}, { teamId: "Choose one of your workspace's teams." });
  }
  const at = core.now();
  const existing = id ? await findCanned(core, user, id) : null;
  const row: CannedRow = {
    id: existing?.id ?? newId(),
    workspaceId: user.workspaceId,
    shortcut: input.shortcut,
    title: input.title,
    text: input.text,
    teamId: input.teamId,
    createdBy: existing?.createdBy ?? user.id,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  const write = existing
    ? core.db.update(cannedResponses).set({ shortcut: row.shortcut, title: row.title, text: row.text, teamId: row.teamId, updatedAt: at }).where(eq(cannedResponses.id, row.id))
    : core.db.insert(cannedResponses).values(row);
  try {
    await core.writer.write([
      write,
      eventInsert(core, { workspaceId: user.workspaceId, type: "canned_response.saved", actorKind: "agent", actorId: user.id, data: { id: row.id, shortcut: row.shortcut, created: !existing }, at }),
      auditInsert(core, {
        workspaceId: user.workspaceId,
        ...auditActor(user, from),
        action: existing ? "canned_response.updated" : "canned_response.created",
        target: row.id,
        data: { ...(existing ? { before: cannedSummary(existing) } : {}), after: cannedSummary(row) },
        at,
      }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw refusedWithFields(409, "conflict", "shortcut_taken", { slash: `/${input.shortcut}` }, { shortcut: "Choose another shortcut." });
    }
    throw err;
  }
  return toCanned(row);
}

export async function deleteCanned(core: Writes, user: SessionUser, id: string, from: RequestOrigin | null): Promise<void> {
  const existing = await findCanned(core, user, id);
  const at = core.now();
  await core.writer.write([
    core.db.delete(cannedResponses).where(eq(cannedResponses.id, existing.id)),
    eventInsert(core, { workspaceId: user.workspaceId, type: "canned_response.deleted", actorKind: "agent", actorId: user.id, data: { id, shortcut: existing.shortcut }, at }),
    auditInsert(core, { workspaceId: user.workspaceId, ...auditActor(user, from), action: "canned_response.deleted", target: id, data: { before: cannedSummary(existing) }, at }),
  ]);
}

/** What the audit log keeps of a canned response: what identifies it, not its text. */
function cannedSummary(row: Pick<CannedRow, "shortcut" | "title" | "teamId">): Record<string, unknown> {
  return { shortcut: row.shortcut, title: row.title, teamId: row.teamId };
}

async function findCanned(core: Writes, user: SessionUser, id: string): Promise<CannedRow> {
  const row = await core.db.query.cannedResponses.findFirst({ where: and(eq(cannedResponses.id, id), eq(cannedResponses.workspaceId, user.workspaceId)) });
  if (!row) throw notFound("canned_response");
  return row;
}
