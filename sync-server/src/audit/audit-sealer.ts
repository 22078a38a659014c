import { and, asc, desc, eq, gt, max } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { auditChain, auditLog, workspaces } from "../db/schema.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import { GENESIS_HASH, entryHash } from "./entry-hash.ts";

/** Entries hashed per write: one commit each, so sealing never holds the writer for long. */
const SEAL_BATCH = 500;
/** Entries one pass seals per workspace; the rest go in the next pass (at once). */
const PASS_LIMIT = 10_000;

/**
 * Seals a workspace's entries written since the last sealed one, in id order: each chained to the
 * one before. Audit ids only grow, and SQLite commits one writer at a time, so no entry can
 * appear below one already sealed. Two sealers racing compute the same links (the chain is
 * deterministic) and the second's insert does nothing. Returns whether everything is sealed.
 */
export async function sealWorkspace(core: Writes, workspaceId: string, limit = PASS_LIMIT): Promise<boolean> {
  return core.locks.run(`audit-seal:${workspaceId}`, async () => {
    const { db } = core;
    for (let sealed = 0; sealed < limit; ) {
      const [last] = await db
        .select({ auditId: auditChain.auditId, hash: auditChain.hash })
        .from(auditChain)
        .where(eq(auditChain.workspaceId, workspaceId))
        .orderBy(desc(auditChain.auditId))
        .limit(1);
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, workspaceId), gt(auditLog.id, last?.auditId ?? 0)))
        .orderBy(asc(auditLog.id))
        .limit(SEAL_BATCH);
      if (rows.length === 0) return true;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const links = rows.map((row) => {
        const link = { auditId: row.id, workspaceId, prevHash, hash: entryHash(prevHash, row) };
        prevHash = link.hash;
        return link;
      });
      await core.writer.write([db.insert(auditChain).values(links).onConflictDoNothing()]);
      sealed += rows.length;
      if (rows.length < SEAL_BATCH) return true;
    }
    return false;
  });
}

/**
 * Seals every workspace's new entries as a scheduled job (Node: a timer; Workers: the
 * scheduler's alarm through `runDue`), so the window in which an unsealed entry could be
 * changed unnoticed stays short. Reading or checking the log seals first as well.
 */
export class AuditSealer extends LoopJob {
  protected readonly loop: PollingLoop;
  /** Every entry up to this id is sealed (known to this process); the log's newest id above it means work. */
  private sealedThrough = 0;

  constructor(
    private readonly core: Writes,
    intervalMs = 10_000,
  ) {
    super();
    this.loop = new PollingLoop({ intervalMs, firstDelayMs: 5_000, tick: () => this.sealAll(), failure: "could not seal the audit log" });
  }

  /** Seals what is unsealed; due again at once if a pass left work, otherwise only when entries are written. */
  async runDue(now: number = this.core.now()): Promise<number | null> {
    const done = await this.loop.exclusive(() => this.sealAll());
    return done ? null : now;
  }

  /** One pass over every workspace; true when nothing is left unsealed. */
  async sealAll(): Promise<boolean> {
    const { db } = this.core;
    const newest = (await db.select({ id: max(auditLog.id) }).from(auditLog))[0]?.id ?? 0;
    if (newest <= this.sealedThrough) return true;
    let done = true;
    for (const { id } of await db.select({ id: workspaces.id }).from(workspaces)) {
      if (!(await sealWorkspace(this.core, id))) done = false;
    }
    if (done) this.sealedThrough = newest;
    return done;
  }
}
