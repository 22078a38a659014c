/**
 * `npm run db:create-workspace`: the first workspace, team and admin of a real deployment (the
 * demo seed is for trying the product). Works on any libSQL URL, remote included:
 *
 *   DATABASE_URL=libsql://<db>.turso.io DATABASE_AUTH_TOKEN=<token> \
 *   WORKSPACE_NAME="Acme Support" ADMIN_NAME="Alice" ADMIN_EMAIL=alice@acme.com ADMIN_PASSWORD=… \
 *   npm run db:create-workspace
 */
import { ZodError } from "zod";
import { loadConfig } from "../config.ts";
import { openNodeDatabase } from "./open-database.ts";
import { createWorkspace } from "../workspace/index.ts";
import { PasswordHasher } from "../auth/index.ts";
import { nodeScrypt } from "./node-scrypt.ts";

const env = process.env;
const config = loadConfig(env);
const { db, close } = await openNodeDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
try {
  const { workspaceId } = await createWorkspace(db, {
    workspaceName: env.WORKSPACE_NAME ?? "",
    teamName: env.TEAM_NAME || undefined,
    adminName: env.ADMIN_NAME ?? "",
    adminEmail: env.ADMIN_EMAIL ?? "",
    adminPassword: env.ADMIN_PASSWORD ?? "",
  }, { passwords: new PasswordHasher(nodeScrypt) });
  console.log(`db:create-workspace: created workspace ${workspaceId}; sign in as ${env.ADMIN_EMAIL}`);
} catch (err) {
  const message = err instanceof ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : err instanceof Error ? err.message : String(err);
  console.error(`db:create-workspace: ${message}`);
  process.exitCode = 1;
} finally {
  await close();
}
