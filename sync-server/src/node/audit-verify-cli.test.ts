import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "@libsql/client";
import { migrateDatabase } from "./migrate.ts";
import { openNodeDatabase } from "./open-database.ts";
import { auditLog, workspaces } from "../db/schema.ts";

const CLI = fileURLToPath(new URL("./audit-verify-cli.ts", import.meta.url));

let dir: string;
let url: string;
let raw: Client;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "audit-cli-"));
  url = `file:${join(dir, "inbox.db")}`;
  const { db, close } = await openNodeDatabase(url);
  await migrateDatabase(db);
  await db.insert(workspaces).values({ id: "acme", name: "Acme", createdAt: 1 });
  await db.insert(auditLog).values([1, 2, 3].map((i) => ({ workspaceId: "acme", actorId: null, action: "sla.policy_saved", target: `p${i}`, data: { i }, at: i })));
  close();
  raw = createClient({ url });
});
afterAll(() => {
  raw.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", CLI], { env: { ...process.env, DATABASE_URL: url } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe("npm run audit:verify", () => {
  it("seals and checks each workspace, then names the edited entry and exits with 1", async () => {
    const intact = await run();
    expect(intact.out).toMatch(/audit:verify: Acme \(acme\): chain intact, 3 entries checked; newest hash [0-9a-f]{64}\./);
    expect(intact.code).toBe(0);

    await raw.execute("drop trigger audit_log_no_update");
    await raw.execute("update audit_log set target = 'p9' where target = 'p2'");
    const broken = await run();
    expect(broken.out).toContain("audit:verify: Acme (acme): BROKEN at entry #2 (1 intact before it). Entry #2 (1970-01-01T00:00:00.002Z) was changed after it was written");
    expect(broken.out).toContain("1 workspace log is broken.");
    expect(broken.code).toBe(1);
  });
});
