import { asc, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import { roomIsStored } from "@inbox/shared";
import type { Database } from "../db/database.ts";
import { docUpdates } from "../db/schema.ts";
import type { WriteQueue } from "../db/write-queue.ts";
import { Room } from "./room.ts";
import { defer } from "../db/defer.ts";

/**
 * Brings a freshly loaded room up to date with the record (libSQL is the truth). `since` is what
 * the last hydrate of this room in this process answered, given only while the stored document
 * still holds everything written into the room since then: the hydrate may then read only what
 * changed after it. What it answers is handed back at the room's next load.
 */
export type Hydrate = (room: Room, since: HydrateMark | undefined) => Promise<HydrateMark | undefined>;

/** How far a hydrate brought a room, in the hydrate's own terms (e.g. the record's change sequence). */
export type HydrateMark = Readonly<Record<string, number>>;

/** A room's stored log as this process left it: its first and last row ids and how many rows. */
interface LogShape {
  first: number | null;
  last: number | null;
  rows: number;
}

interface Kept {
  readonly mark: HydrateMark;
  /** Taken when the room unloads; a load whose log differs (written or compacted elsewhere) ignores the mark. */
  log: LogShape | null;
}

const sameLog = (a: LogShape, b: LogShape) => a.first === b.first && a.last === b.last && a.rows === b.rows;

const COMPACT_AFTER_UPDATES = 100;

/**
 * Loads rooms on first use, persists every update they receive (group-committed), and unloads
 * them when idle after merging their update log into one row.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly pending = new Map<string, Set<Promise<unknown>>>();
  private readonly updateCounts = new Map<string, number>();
  private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly unloading = new Map<string, Promise<void>>();
  /**
   * Each room's last hydrate mark, kept across unloads with the shape of the log it left. A mark
   * counts only while the stored document holds everything the room held: it is forgotten on a
   * failed persist or a drop, and ignored when the log changed after the unload (another
   * instance wrote or compacted it). The load then reads the record whole again.
   */
  private readonly marks = new Map<string, Kept>();
  /** Per room, how many of its updates could not be stored in this process (a load keeps its mark only if none failed meanwhile). */
  private readonly failedWrites = new Map<string, number>();
  private stopped = false;
  private readonly buffered = new Map<string, Uint8Array[]>();
  private flushScheduled = false;

  constructor(
    private readonly db: Database,
    private readonly writer: WriteQueue,
    private readonly hydrate: Hydrate,
    private readonly idleMs = 30_000,
  ) {}

  /** Every loaded room's `keepAlive` (the runtime's timer calls this). */
  keepAlive(): void {
    for (const room of this.rooms.values()) room.keepAlive();
  }

  /** The room if it is loaded; writers skip unloaded rooms because hydrate catches them up. */
  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  async open(name: string): Promise<Room> {
    this.cancelIdle(name);
    const loaded = this.rooms.get(name);
    if (loaded) return loaded;
    let loading = this.loading.get(name);
    if (!loading) {
      loading = this.load(name).finally(() => this.loading.delete(name));
      this.loading.set(name, loading);
    }
    return loading;
  }

  /** Called when a peer leaves: an empty room is compacted and unloaded after a while. */
  release(name: string): void {
    const room = this.rooms.get(name);
    if (!room || room.peerCount > 0 || this.stopped) return;
    this.cancelIdle(name);
    const timer = setTimeout(() => this.startUnload(name), this.idleMs);
    (timer as { unref?: () => void }).unref?.();
    this.idleTimers.set(name, timer);
  }

  /** On shutdown: no more unloads or compactions (the database is about to close). */
  stop(): void {
    this.stopped = true;
    for (const t of this.idleTimers.values()) clearTimeout(t);
    this.idleTimers.clear();
  }

  /** Waits for every persisted update (and unloads under way), e.g. before a test inspects the database or on shutdown. */
  async flush(): Promise<void> {
    this.writeBuffered();
    for (const set of this.pending.values()) await Promise.allSettled([...set]);
    await Promise.allSettled([...this.unloading.values()]);
  }

  loadedNames(): string[] {
    return [...this.rooms.keys()];
  }

  /**
   * Replaces a loaded room's stored log with its current state, at once: whatever its history
   * held that the document no longer shows (overwritten or deleted values, which Yjs drops from
   * a document) is gone from the database too. For erasure; unloading compacts only long logs.
   */
  async rewriteStored(name: string): Promise<void> {
    const room = this.rooms.get(name);
    if (!room || !roomIsStored(name)) return;
    this.writeBuffered();
    await Promise.allSettled([...(this.pending.get(name) ?? [])]);
    await this.compact(name, room.doc);
    this.updateCounts.set(name, 1);
  }

  /**
   * Forgets a room whose record was deleted: its sockets close with `code`, the document is
   * dropped unwritten, and its stored log is deleted (also updates still being written).
   */
  async drop(name: string, code: number, reason: string): Promise<void> {
    this.cancelIdle(name);
    await this.unloading.get(name);
    await this.loading.get(name)?.catch(() => undefined);
    const room = this.rooms.get(name);
    if (room) {
      this.rooms.delete(name);
      room.closeAll(code, reason);
      room.doc.destroy();
    }
    this.buffered.delete(name);
    this.marks.delete(name);
    this.failedWrites.delete(name);
    await Promise.allSettled([...(this.pending.get(name) ?? [])]);
    this.updateCounts.delete(name);
    await this.writer.write([this.db.delete(docUpdates).where(eq(docUpdates.room, name))]);
  }

  private async load(name: string): Promise<Room> {
    // A room coming back while it unloads waits for its log to be written (and compacted) first.
    await this.unloading.get(name);
    const room = new Room(name);
    const stored = roomIsStored(name);
    const rows = !stored
      ? []
      : await this.db
      .select({ id: docUpdates.id, update: docUpdates.update })
      .from(docUpdates)
      .where(eq(docUpdates.room, name))
      .orderBy(asc(docUpdates.id));
    if (rows.length > 0) {
      Y.applyUpdate(room.doc, Y.mergeUpdates(rows.map((r) => r.update)), "load");
    }
    this.updateCounts.set(name, rows.length);
    if (stored) {
      room.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== "load") this.persist(name, update);
      });
    }
    const kept = this.marks.get(name);
    const log = { first: rows[0]?.id ?? null, last: rows.at(-1)?.id ?? null, rows: rows.length };
    const failedBefore = this.failedWrites.get(name) ?? 0;
    const mark = await this.hydrate(room, stored && kept?.log && sameLog(kept.log, log) ? kept.mark : undefined);
    // The hydrate's own writes start being stored while it still reads: one that failed meanwhile voids the new mark too.
    if (mark && stored && (this.failedWrites.get(name) ?? 0) === failedBefore) this.marks.set(name, { mark, log: null });
    else this.marks.delete(name);
    this.rooms.set(name, room);
    return room;
  }

  /**
   * Updates are buffered for the rest of the event-loop turn and written as one merged update
   * per room: a burst of changes (a replayed outbox) costs one row per room, not one per change.
   */
  private persist(name: string, update: Uint8Array): void {
    const buffered = this.buffered.get(name);
    if (buffered) buffered.push(update);
    else this.buffered.set(name, [update]);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      defer(() => this.writeBuffered());
    }
  }

  private writeBuffered(): void {
    this.flushScheduled = false;
    for (const [name, updates] of this.buffered) {
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      const write = this.writer.write([this.db.insert(docUpdates).values({ room: name, update: merged })]);
      let set = this.pending.get(name);
      if (!set) this.pending.set(name, (set = new Set()));
      set.add(write);
      write
        .catch((err) => {
          this.failedWrites.set(name, (this.failedWrites.get(name) ?? 0) + 1);
          this.marks.delete(name);
          console.error(`could not persist an update of room ${name}`, err);
        })
        .finally(() => set.delete(write));
      this.updateCounts.set(name, (this.updateCounts.get(name) ?? 0) + 1);
    }
    this.buffered.clear();
  }

  private startUnload(name: string): void {
    const unloading = this.unload(name)
      .catch((err: unknown) => console.error(`could not unload room ${name}`, err))
      .finally(() => {
        if (this.unloading.get(name) === unloading) this.unloading.delete(name);
      });
    this.unloading.set(name, unloading);
  }

  private async unload(name: string): Promise<void> {
    this.idleTimers.delete(name);
    const room = this.rooms.get(name);
    if (!room || room.peerCount > 0 || this.stopped) return;
    this.rooms.delete(name);
    const kept = this.marks.get(name);
    this.writeBuffered();
    await Promise.allSettled([...(this.pending.get(name) ?? [])]);
    if ((this.updateCounts.get(name) ?? 0) > COMPACT_AFTER_UPDATES) await this.compact(name, room.doc);
    this.updateCounts.delete(name);
    room.doc.destroy();
    // Still this load's mark (no failed persist, no drop, no new load meanwhile): note the log it left.
    if (kept && this.marks.get(name) === kept) kept.log = await this.logShape(name);
  }

  private async logShape(name: string): Promise<LogShape> {
    const [shape] = await this.db
      .select({ first: sql<number | null>`min(${docUpdates.id})`, last: sql<number | null>`max(${docUpdates.id})`, rows: sql<number>`count(*)` })
      .from(docUpdates)
      .where(eq(docUpdates.room, name));
    return { first: shape?.first ?? null, last: shape?.last ?? null, rows: shape?.rows ?? 0 };
  }

  /** Replaces a room's update log with one merged update, in one transaction. */
  private async compact(name: string, doc: Y.Doc): Promise<void> {
    const ids = await this.db.select({ id: docUpdates.id }).from(docUpdates).where(eq(docUpdates.room, name));
    const merged = Y.encodeStateAsUpdate(doc);
    await this.writer.write([
      this.db.delete(docUpdates).where(inArray(docUpdates.id, ids.map((r) => r.id))),
      this.db.insert(docUpdates).values({ room: name, update: merged }),
    ]);
  }

  private cancelIdle(name: string): void {
    const t = this.idleTimers.get(name);
    if (t) clearTimeout(t);
    this.idleTimers.delete(name);
  }
}
