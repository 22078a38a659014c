import { eq, sql } from "drizzle-orm";
import type { Reads } from "../../db/record.ts";
import { reportCursor } from "../../db/schema.ts";
import type { FactScope } from "./fact-queries.ts";
import type { MemoryAnswer, MemoryQuestion, MemoryRows, ReportMemory } from "./report-memory.ts";
import { WorkspaceCopy } from "./workspace-copy.ts";

/** Fact rows per page of a load: a million rows are never one result at once, and no page holds the event loop long. */
const LOAD_PAGE = 5_000;

/** A workspace's copy and when it was loaded. */
interface Tables {
  copy: WorkspaceCopy;
  /** `report_cursor.rolls` and this process's own roll count when the load began (see `behind`). */
  rollsAtLoad: number;
  ownRollsAtLoad: number;
}

/** A roll's change to a workspace's copy: these conversations' rows are now `rows`. */
interface Patch {
  conversationIds: readonly string[];
  rows: MemoryRows;
}

/**
 * The report rows of each workspace a report asked about (durations, unread pieces, contacts,
 * count hour sums: WorkspaceCopy), kept in memory (ReportMemory, docs/REPORTS.md §9). A
 * workspace's first report starts loading them from `report_facts` and is answered by SQL meanwhile (a report is never slower than without
 * memory); from then on the roller hands over each replaced conversation's rows after its
 * commit, so the copy is the table. Patches that arrive while a load reads are applied after
 * it: a patch replaces all of a conversation's rows, so whatever old or new rows of it the
 * pages saw, the outcome is the table's. Whatever it cannot be sure of it does not keep: a drop
 * during a load discards the load; a patch that fails drops the copy.
 *
 * Several Node processes may share one database (each its own INSTANCE_ID), and another's rolls
 * never reach this copy. Every roll adds one to `report_cursor.rolls` in its transaction; a copy
 * is read only while the rolls since its load are all this process's own, else it is dropped,
 * SQL answers, and it reloads.
 */
export class ReportColumns implements ReportMemory {
  private readonly tables = new Map<string, Tables>();
  private readonly loads = new Map<string, Promise<Tables | null>>();
  /** Per workspace being loaded: the patches to apply after the load, or null when it was dropped meanwhile. */
  private readonly pending = new Map<string, Patch[] | null>();
  /** Workspaces whose rows the columns cannot hold (see Codes): left to SQL for this process's life. */
  private readonly declined = new Set<string>();

  /** Rolls this process committed (each `replaced` is one), compared with `report_cursor.rolls`. */
  private ownRolls = 0;

  /** @param loadPage fact rows per page of a load: each page holds the event loop a moment, so they are small */
  constructor(private readonly loadPage = LOAD_PAGE) {}

  async answer(core: Reads, scope: FactScope, q: MemoryQuestion): Promise<MemoryAnswer | null> {
    const read = await this.reader(core, scope);
    // Synchronous from here: no roll patches the tables while they are read, so the parts agree.
    return read && read.tables.copy.answer(scope, read.labelled, q);
  }

  replaced(workspaceId: string, conversationIds: readonly string[], rows: Patch["rows"]): void {
    this.ownRolls++;
    const queue = this.pending.get(workspaceId);
    if (queue) queue.push({ conversationIds, rows });
    const tables = this.tables.get(workspaceId);
    if (tables && !this.apply(workspaceId, tables, { conversationIds, rows })) this.tables.delete(workspaceId);
  }

  drop(workspaceId: string): void {
    // A roll whose commit is unknown may or may not have counted in `report_cursor.rolls`: no
    // copy can tell its own rolls from others' any more, so every workspace starts over.
    for (const id of [...this.tables.keys(), ...this.pending.keys(), workspaceId]) this.forget(id);
  }

  private forget(workspaceId: string): void {
    this.tables.delete(workspaceId);
    if (this.pending.has(workspaceId)) this.pending.set(workspaceId, null);
  }

  /** Whether another process rolled since the copy was loaded (its rows are then not all here). */
  private async behind(core: Reads, tables: Tables): Promise<boolean> {
    const rolls = await currentRolls(core);
    return rolls - tables.rollsAtLoad !== this.ownRolls - tables.ownRollsAtLoad;
  }

  /** Loads a workspace's copy if it is not held (and waits for it): true when reports will read it. */
  async ready(core: Reads, workspaceId: string): Promise<boolean> {
    return (await this.workspace(core, workspaceId)) !== null;
  }

  /** Rows held, per workspace (for the bench and tests). */
  size(workspaceId: string): ReturnType<WorkspaceCopy["size"]> | null {
    return this.tables.get(workspaceId)?.copy.size() ?? null;
  }

  /** Bytes of typed arrays held for a workspace (for the bench). */
  bytes(workspaceId: string): number {
    return this.tables.get(workspaceId)?.copy.bytes() ?? 0;
  }

  /** The copy to read and the chats the label filter keeps, or null when SQL must answer (not loaded yet: the load starts). */
  private async reader(core: Reads, scope: FactScope): Promise<{ tables: Tables; labelled: ReadonlySet<string> | null } | null> {
    // A visibility that reads each conversation (assigned to me…) stays in SQL.
    if (scope.visibleByConversation || (scope.visible && !scope.visibleTeams)) return null;
    const tables = this.tables.get(scope.workspaceId);
    if (!tables) {
      void this.workspace(core, scope.workspaceId);
      return null;
    }
    if (await this.behind(core, tables)) {
      if (this.tables.get(scope.workspaceId) === tables) this.forget(scope.workspaceId);
      void this.workspace(core, scope.workspaceId);
      return null;
    }
    const labelled = scope.filters.labels ? await labelledConversations(core, scope.workspaceId, scope.filters.labels) : null;
    // The copy may have been dropped while the labels were read.
    if (this.tables.get(scope.workspaceId) !== tables) return null;
    return { tables, labelled };
  }

  private apply(workspaceId: string, tables: Tables, patch: Patch): boolean {
    try {
      tables.copy.apply(patch.conversationIds, patch.rows);
      return true;
    } catch (error) {
      console.error(`report figures of workspace ${workspaceId} dropped from memory`, error);
      return false;
    }
  }

  private workspace(core: Reads, workspaceId: string): Promise<Tables | null> {
    const have = this.tables.get(workspaceId);
    if (have) return Promise.resolve(have);
    if (this.declined.has(workspaceId)) return Promise.resolve(null);
    let loading = this.loads.get(workspaceId);
    if (!loading) {
      this.pending.set(workspaceId, []);
      loading = this.load(core, workspaceId).finally(() => {
        this.loads.delete(workspaceId);
        this.pending.delete(workspaceId);
      });
      this.loads.set(workspaceId, loading);
    }
    return loading;
  }

  private async load(core: Reads, workspaceId: string): Promise<Tables | null> {
    const ownRollsAtLoad = this.ownRolls;
    let rollsAtLoad: number;
    try {
      rollsAtLoad = await currentRolls(core);
    } catch (error) {
      console.error(`report figures of workspace ${workspaceId} are read from SQL`, error);
      return null;
    }
    // Rolls of this process that commit while the pages are read come as patches (`pending`);
    // another process's make the copy `behind` at its first read, and it loads again.
    const tables: Tables = { copy: new WorkspaceCopy(), rollsAtLoad, ownRollsAtLoad };
    try {
      await tables.copy.load(core, workspaceId, this.loadPage);
    } catch (error) {
      // Past what the columns hold (RangeError) it is SQL for good; anything else, the next report tries again.
      if (error instanceof RangeError) this.declined.add(workspaceId);
      console.error(`report figures of workspace ${workspaceId} are read from SQL`, error);
      return null;
    }
    const patches = this.pending.get(workspaceId);
    if (!patches || !patches.every((p) => this.apply(workspaceId, tables, p))) return null;
    this.tables.set(workspaceId, tables);
    return tables;
  }
}

/** Rolls committed so far by any process (0 before the first). */
async function currentRolls(core: Reads): Promise<number> {
  const [row] = await core.db.select({ rolls: reportCursor.rolls }).from(reportCursor).where(eq(reportCursor.id, 1));
  return row?.rolls ?? 0;
}

/** The chats with any of the labels, as they are now (labels change without a roll, as in fact-queries.ts). */
async function labelledConversations(core: Reads, workspaceId: string, labels: readonly string[]): Promise<Set<string>> {
  const rows = await core.db.values<[string]>(sql`
    SELECT DISTINCT c.id FROM conversations c, json_each(c.labels) l
    WHERE c.workspace_id = ${workspaceId} AND l.value IN (${sql.join(labels.map((l) => sql`${l}`), sql`, `)})`);
  return new Set(rows.map((r) => r[0]));
}
