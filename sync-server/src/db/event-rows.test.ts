import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { migrateDatabase } from "../node/migrate.ts";
import { openNodeDatabase } from "../node/open-database.ts";
import type { Database } from "./database.ts";
import { auditInsert, USER_AGENT_MAX, withoutSecrets } from "./event-rows.ts";
import { auditLog, users, workspaces } from "./schema.ts";

let dir: string;
let db: Database;
let close: () => void;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "event-rows-"));
  ({ db, close } = await openNodeDatabase(`file:${join(dir, "t.db")}`));
  await migrateDatabase(db);
  await db.insert(workspaces).values({ id: "w", name: "W", createdAt: 1 });
  await db.insert(users).values({ id: "u", workspaceId: "w", email: "ana@example.com", name: "Ana Souza", role: "admin", passwordHash: "x", createdAt: 1 });
});
afterEach(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

describe("audit rows", () => {
  it("keep the actor's name as it was when they acted, even without a caller passing it", async () => {
    await auditInsert({ db }, { workspaceId: "w", actorId: "u", action: "sla.policy_saved", at: 1 });
    await db.update(users).set({ name: "Ana Renamed" }).where(eq(users.id, "u"));
    await auditInsert({ db }, { workspaceId: "w", actorId: null, action: "channel.token_expired", at: 2 });
    const rows = await db.select().from(auditLog);
    expect(rows.map((r) => [r.action, r.actorName])).toEqual([
      ["sla.policy_saved", "Ana Souza"],
      ["channel.token_expired", null],
    ]);
  });

  it("never keep a secret, at any depth, and cap what a caller says its user agent is", async () => {
    await auditInsert(
      { db },
      { workspaceId: "w", actorId: "u", actorName: "Ana", action: "channel.reconnected", data: { name: "Shop", credentials: { botToken: "123:abc" }, nested: [{ apiKey: "k", keep: 1 }] }, userAgent: "x".repeat(5000), at: 1 },
    );
    const [row] = await db.select().from(auditLog);
    expect(row!.data).toEqual({ name: "Shop", credentials: "[redacted]", nested: [{ apiKey: "[redacted]", keep: 1 }] });
    expect(row!.userAgent).toHaveLength(USER_AGENT_MAX);
    expect(withoutSecrets({ password: "p", passwordHash: "h", to: "token_expired" })).toEqual({ password: "[redacted]", passwordHash: "[redacted]", to: "token_expired" });
  });
});
