import * as Y from "yjs";
import type { DurableObjectStorage } from "./cf-types.ts";

const PREFIX = "u:";
/** More updates than this in storage are merged into one when the room loads. */
const COMPACT_AFTER = 100;

/**
 * A room's Yjs update log in its Durable Object's storage: one key per update, in order. This
 * is what the room is rebuilt from after hibernation or eviction; libSQL gets a copy of each
 * update too, for a room whose object moved or lost its storage.
 */
export class RoomStorage {
  private next = 0;

  constructor(private readonly storage: DurableObjectStorage) {}

  /** The stored log merged into one update (null: nothing stored), compacting a long log. */
  async load(): Promise<Uint8Array | null> {
    const entries = await this.storage.list<Uint8Array>({ prefix: PREFIX });
    const updates = [...entries.values()].map((u) => new Uint8Array(u));
    const keys = [...entries.keys()];
    this.next = keys.length > 0 ? seqOf(keys[keys.length - 1]!) + 1 : 0;
    if (updates.length === 0) return null;
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    if (updates.length > COMPACT_AFTER) {
      // The runtime deletes at most 128 keys per call.
      for (let i = 0; i < keys.length; i += 128) await this.storage.delete(keys.slice(i, i + 128));
      this.next = 0;
      await this.append(merged);
    }
    return merged;
  }

  /** Replaces the whole log with one update (the document's current state); null: nothing stays. */
  async replace(update: Uint8Array | null): Promise<void> {
    const keys = [...(await this.storage.list<Uint8Array>({ prefix: PREFIX })).keys()];
    // The runtime deletes at most 128 keys per call.
    for (let i = 0; i < keys.length; i += 128) await this.storage.delete(keys.slice(i, i + 128));
    this.next = 0;
    if (update) await this.append(update);
  }

  /**
   * Appends one update. The runtime holds outgoing messages until the write is durable, unless
   * `unconfirmed` (see RoomObject's `/ops`: an update the record already holds).
   */
  append(update: Uint8Array, unconfirmed = false): Promise<void> {
    return this.storage.put(keyOf(this.next++), update, unconfirmed ? { allowUnconfirmed: true } : undefined);
  }
}

function keyOf(seq: number): string {
  return `${PREFIX}${String(seq).padStart(12, "0")}`;
}

function seqOf(key: string): number {
  return Number(key.slice(PREFIX.length));
}
