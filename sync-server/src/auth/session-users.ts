import { eq, inArray } from "drizzle-orm";
import type { Reads } from "../db/record.ts";
import { sessions, teamMembers, users, workspaces } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { heldRoles, toUser } from "../db/read-model.ts";
import { mustEnrol, securityOf } from "./two-factor-policy.ts";

/** IN lists are cut to this many values (well under SQLite's bound-parameter limit). */
const CHUNK = 400;

/**
 * The users behind many session token hashes, in three queries whatever their number: what one
 * request resolves, and what the socket guard re-checks every few seconds for every open socket.
 * A session is nobody once it is deleted (signed out), expired, or its user is deactivated. The
 * user's workspace comes along in the same query (their custom role in one more): whether it requires a second factor they have
 * not set up (the enrolment gate) is decided on every request, so an admin's change applies at once.
 */
/** Resolving sessions needs the record and the clock (expiry). */
export interface SessionReads extends Reads {
  now(): number;
}

export async function usersOfSessions(core: SessionReads, tokenHashes: readonly string[]): Promise<Map<string, SessionUser>> {
  const found = new Map<string, SessionUser>();
  const hashes = [...new Set(tokenHashes)];
  if (hashes.length === 0) return found;
  const now = core.now();
  const live = (await chunked(hashes, (part) => core.db.select().from(sessions).where(inArray(sessions.tokenHash, part)))).filter((s) => s.expiresAt > now);
  const userIds = [...new Set(live.map((s) => s.userId))];
  if (userIds.length === 0) return found;
  const [rows, memberships] = await Promise.all([
    chunked(userIds, (part) =>
      core.db.select({ user: users, security: workspaces.security }).from(users).innerJoin(workspaces, eq(workspaces.id, users.workspaceId)).where(inArray(users.id, part)),
    ),
    chunked(userIds, (part) => core.db.select().from(teamMembers).where(inArray(teamMembers.userId, part))),
  ]);
  const byId = new Map(rows.filter((r) => r.user.deactivatedAt === null).map((r) => [r.user.id, r]));
  // A custom role's permissions are read with the person, so an admin's change to the role applies at the next request.
  const roles = await heldRoles(core.db, [...byId.values()].map((r) => r.user));
  for (const s of live) {
    const hit = byId.get(s.userId);
    if (!hit) continue;
    const row = hit.user;
    const teamIds = memberships.filter((m) => m.userId === row.id).map((m) => m.teamId);
    found.set(s.tokenHash, {
      ...toUser(row, teamIds, roles.get(row.customRoleId ?? "") ?? null),
      sessionTokenHash: s.tokenHash,
      mustEnrolTwoFactor: mustEnrol(securityOf(hit.security), row),
      sessionLastUsedAt: s.lastUsedAt ?? s.createdAt,
    });
  }
  return found;
}

async function chunked<T>(values: string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await query(values.slice(i, i + CHUNK))));
  return out;
}
