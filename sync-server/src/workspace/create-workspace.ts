import { eq } from "drizzle-orm";
import { z } from "zod";
import { newId } from "@inbox/shared";
import { PasswordHasher, passwordProblem } from "../auth/index.ts";
import { nobleScrypt } from "../auth/index.ts";
import type { Database } from "../db/database.ts";
import { auditLog, teamMembers, teams, users, workspaces } from "../db/schema.ts";

export const NewWorkspaceSchema = z.object({
  workspaceName: z.string().trim().min(1, "Give the workspace a name").max(120),
  teamName: z.string().trim().min(1).max(120).default("Support"),
  adminName: z.string().trim().min(1, "Give the admin a name").max(120),
  adminEmail: z.email("The admin's email address is not valid").transform((e) => e.toLowerCase()),
  adminPassword: z.string().min(12, "Choose a password of at least 12 characters").max(200),
});
export type NewWorkspace = z.input<typeof NewWorkspaceSchema>;

/**
 * A production workspace with its first team and admin: what a deployment (Node or Workers)
 * starts from instead of the demo seed. The admin then connects channels and invites the team
 * from Settings. Refuses an email that already has an account, in words.
 */
export async function createWorkspace(
  db: Database,
  input: NewWorkspace,
  opts: { now?: number; passwords?: PasswordHasher } = {},
): Promise<{ workspaceId: string; adminId: string }> {
  const now = opts.now ?? Date.now();
  const passwords = opts.passwords ?? new PasswordHasher(nobleScrypt);
  const w = NewWorkspaceSchema.parse(input);
  const weak = passwordProblem(w.adminPassword, { email: w.adminEmail, name: w.adminName });
  if (weak) throw new Error(weak.message);
  const taken = await db.query.users.findFirst({ where: eq(users.email, w.adminEmail) });
  if (taken) throw new Error(`There is already an account for ${w.adminEmail}.`);
  const workspaceId = newId();
  const teamId = newId();
  const adminId = newId();
  await db.batch([
    db.insert(workspaces).values({ id: workspaceId, name: w.workspaceName, createdAt: now }),
    db.insert(teams).values({ id: teamId, workspaceId, name: w.teamName }),
    db.insert(users).values({
      id: adminId,
      workspaceId,
      email: w.adminEmail,
      name: w.adminName,
      role: "admin",
      passwordHash: await passwords.hash(w.adminPassword),
      createdAt: now,
    }),
    db.insert(teamMembers).values({ teamId, userId: adminId }),
    db.insert(auditLog).values({ workspaceId, actorId: null, action: "workspace.created", target: workspaceId, data: { team: w.teamName, admin: w.adminEmail }, ip: null, at: now }),
  ]);
  return { workspaceId, adminId };
}
