import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { auditInsert } from "../db/event-rows.ts";
import { auditChain, auditLog, workspaces } from "../db/schema.ts";
import { WriteQueue } from "../db/write-queue.ts";
import { KeyedMutex } from "../lib/keyed-mutex.ts";
import { migrateDatabase } from "../node/migrate.ts";
import { openNodeDatabase } from "../node/open-database.ts";
import { AuditSealer, sealWorkspace } from "./audit-sealer.ts";
import { verifyWorkspace } from "./audit-verify.ts";

let dir: string;
let db: Database;
let close: () => void;
let core: { db: Database; writer: WriteQueue; now(): number; locks: KeyedMutex };
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "audit-chain-"));
  ({ db, close } = await openNodeDatabase(`file:${join(dir, "t.db")}`));
  await migrateDatabase(db);
  core = { db, writer: new WriteQueue(db), now: () => 1_700_000_000_000, locks: new KeyedMutex() };
  await db.insert(workspaces).values([
    { id: "acme", name: "Acme", createdAt: 1 },
    { id: "other", name: "Other", createdAt: 1 },
  ]);
});
afterEach(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes entries the way capabilities do; alternates workspaces so ids interleave. */
async function write(count: number, workspaceId = "acme"): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const [row] = (await core.writer.write([
      auditInsert(core, { workspaceId, actorId: "u1", actorName: "Ana Admin", action: "sla.policy_saved", target: `p${i}`, data: { after: { name: `Policy ${i}`, minutes: i } }, ip: "203.0.113.7", userAgent: "Firefox", at: 1_700_000_000_000 + i }).returning({ id: auditLog.id }),
    ])) as [{ id: number }[]];
    ids.push(row![0]!.id);
  }
  return ids;
}

/** What an attacker with the database file does: the append-only triggers first. */
const dropTriggers = () => db.batch([db.run("drop trigger audit_log_no_update"), db.run("drop trigger audit_log_no_delete")]);

describe("the audit log's hash chain", () => {
  it("seals each entry over the previous hash and the entry's stored fields as canonical JSON", async () => {
    const [first, second] = await write(2);
    expect(await sealWorkspace(core, "acme")).toBe(true);
    const links = await db.select().from(auditChain).orderBy(asc(auditChain.auditId));
    const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    // An independent implementation of the documented formula, so the chain can be checked without this code.
    const canonical = (r: (typeof rows)[number]) =>
      `{"action":${JSON.stringify(r.action)},"actorId":"u1","actorName":"Ana Admin","at":${r.at},"data":{"after":${JSON.stringify({ minutes: (r.data.after as { minutes: number }).minutes, name: (r.data.after as { name: string }).name })}},"id":${r.id},"ip":"203.0.113.7","target":${JSON.stringify(r.target)},"userAgent":"Firefox","workspaceId":"acme"}`;
    const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
    const h1 = sha(`${"0".repeat(64)}\n${canonical(rows[0]!)}`);
    const h2 = sha(`${h1}\n${canonical(rows[1]!)}`);
    expect(links).toEqual([
      { auditId: first, workspaceId: "acme", prevHash: "0".repeat(64), hash: h1 },
      { auditId: second, workspaceId: "acme", prevHash: h1, hash: h2 },
    ]);
    expect(await verifyWorkspace(core, "acme")).toEqual({ ok: true, checked: 2, headHash: h2, broken: null });
  });

  it("keeps one chain per workspace, and sealers racing write the same chain once", async () => {
    await write(3, "acme");
    await write(2, "other");
    await write(2, "acme");
    await Promise.all([sealWorkspace(core, "acme"), sealWorkspace(core, "acme"), new AuditSealer(core).sealAll(), new AuditSealer(core).sealAll()]);
    expect(await db.$count(auditChain, eq(auditChain.workspaceId, "acme"))).toBe(5);
    expect(await verifyWorkspace(core, "acme")).toMatchObject({ ok: true, checked: 5 });
    expect(await verifyWorkspace(core, "other")).toMatchObject({ ok: true, checked: 2 });
    // The sealer's scheduled pass (what a Worker's alarm runs): nothing left, so not due again.
    await write(1, "other");
    const sealer = new AuditSealer(core);
    expect(await sealer.runDue(core.now())).toBeNull();
    expect(await verifyWorkspace(core, "other")).toMatchObject({ ok: true, checked: 3 });
  });

  it("does not count entries not sealed yet, and checks them once sealed", async () => {
    await write(2);
    await sealWorkspace(core, "acme");
    await write(2);
    expect(await verifyWorkspace(core, "acme")).toMatchObject({ ok: true, checked: 2 });
    await sealWorkspace(core, "acme");
    expect(await verifyWorkspace(core, "acme")).toMatchObject({ ok: true, checked: 4 });
  });

  it("finds an edited entry, by its id and time", async () => {
    const ids = await write(5);
    await sealWorkspace(core, "acme");
    await dropTriggers();
    await db.run(`update audit_log set data = json('{"after":{"name":"Policy 2","minutes":999}}') where id = ${ids[2]}`);
    const result = await verifyWorkspace(core, "acme");
    expect(result).toMatchObject({ ok: false, checked: 2, broken: { id: ids[2], at: 1_700_000_000_002, reason: "edited" } });
    expect(result.broken!.message).toBe(`Entry #${ids[2]} (2023-11-14T22:13:20.002Z) was changed after it was written: it no longer matches its seal.`);
  });

  it("finds an edited actor name, address or time just as well", async () => {
    const ids = await write(3);
    await sealWorkspace(core, "acme");
    await dropTriggers();
    await db.run(`update audit_log set actor_name = 'Someone Else' where id = ${ids[1]}`);
    expect((await verifyWorkspace(core, "acme")).broken).toMatchObject({ id: ids[1], reason: "edited" });
  });

  it("finds a deleted entry in the middle, with or without its seal", async () => {
    const ids = await write(4);
    await sealWorkspace(core, "acme");
    await dropTriggers();
    await db.run(`delete from audit_log where id = ${ids[1]}`);
    const middle = await verifyWorkspace(core, "acme");
    expect(middle).toMatchObject({ ok: false, checked: 1, broken: { id: ids[1], at: null, reason: "deleted" } });
    expect(middle.broken!.message).toBe(`Entry #${ids[1]} was deleted: its seal is still in the chain.`);

    // The seal removed too: the entry after the gap says where, and which entry it should follow.
    await db.run(`delete from audit_chain where audit_id = ${ids[1]}`);
    const gap = await verifyWorkspace(core, "acme");
    expect(gap.broken).toMatchObject({ id: ids[2], reason: "deleted" });
    expect(gap.broken!.message).toBe(`An entry before #${ids[2]} (2023-11-14T22:13:20.002Z) was deleted: its seal does not follow entry #${ids[0]}.`);
  });

  it("finds the newest entry deleted, though nothing comes after it", async () => {
    const ids = await write(3);
    await sealWorkspace(core, "acme");
    await dropTriggers();
    await db.run(`delete from audit_log where id = ${ids[2]}`);
    expect(await verifyWorkspace(core, "acme")).toMatchObject({ ok: false, checked: 2, broken: { id: ids[2], reason: "deleted" } });
    // Entries written after it are sealed after the deleted one's seal, and the check still points at it.
    await write(1);
    await sealWorkspace(core, "acme");
    expect((await verifyWorkspace(core, "acme")).broken).toMatchObject({ id: ids[2], reason: "deleted" });
  });

  it("finds an entry whose seal was removed while later ones keep theirs", async () => {
    const ids = await write(3);
    await sealWorkspace(core, "acme");
    await db.run(`delete from audit_chain where audit_id = ${ids[0]}`);
    // Sealing again does not cover it up: the sealer only ever continues from the newest seal.
    await sealWorkspace(core, "acme");
    expect(await verifyWorkspace(core, "acme")).toMatchObject({ ok: false, checked: 0, broken: { id: ids[0], reason: "unsealed" } });
  });

  it("finds an entry moved into another workspace", async () => {
    const ids = await write(2, "other");
    await write(1, "acme");
    await new AuditSealer(core).sealAll();
    await dropTriggers();
    await db.run(`update audit_log set workspace_id = 'acme' where id = ${ids[1]}`);
    expect((await verifyWorkspace(core, "acme")).broken).toMatchObject({ id: ids[1], reason: "edited" });
    expect((await verifyWorkspace(core, "other")).broken).toMatchObject({ reason: "deleted" });
  });
});
