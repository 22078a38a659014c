import { CLOSE_NOT_FOUND } from "./peer.ts";
import { applyRoomOp, type RoomOp } from "./room-ops.ts";
import type { RoomRegistry } from "./room-registry.ts";

/**
 * A room's stored history, for when the record it shows is erased or deleted. A Yjs document
 * drops the content of values it overwrote or deleted, but the update log a room is stored as
 * (`doc_updates`, and on Workers the room object's storage) still holds every one of them, and
 * live writes skip rooms nobody has open. So these load the room wherever it lives and change
 * its storage too, and callers wait for them (unlike `LiveRooms`, which is fire-and-forget).
 */
export interface RoomHistory {
  /**
   * Applies `ops` to the room (loading it, and so catching it up with the record, if needed),
   * then stores the room as its current state alone: what the ops replaced is gone from storage.
   */
  rewrite(room: string, ops: RoomOp[]): Promise<void>;
  /** Closes the room's sockets (4404), unloads it and deletes its stored history. */
  drop(room: string): Promise<void>;
}

/** This process's rooms (Node). */
export function localRoomHistory(registry: Pick<RoomRegistry, "open" | "release" | "rewriteStored" | "drop">): RoomHistory {
  return {
    async rewrite(name, ops) {
      const room = await registry.open(name);
      try {
        for (const op of ops) applyRoomOp(room.doc, op);
        await registry.rewriteStored(name);
      } finally {
        // Unloaded after the idle delay unless someone has it open.
        registry.release(name);
      }
    },
    drop: (name) => registry.drop(name, CLOSE_NOT_FOUND, "This conversation was deleted"),
  };
}
