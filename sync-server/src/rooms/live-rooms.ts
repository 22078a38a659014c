import { applyRoomOp, type RoomOp } from "./room-ops.ts";
import type { RoomRegistry } from "./room-registry.ts";

/**
 * Where the core sends its writes into live rooms, after they are committed. Fire-and-forget:
 * libSQL is the record and a room that misses a write is whole again when it next loads, so
 * callers never wait. An implementation may deliver later (a Durable Object on Workers) but
 * keeps the order of ops per room.
 */
export interface LiveRooms {
  apply(room: string, ops: RoomOp[]): void;
}

/** This process's rooms: applied at once to a loaded room, skipped for an unloaded one (hydrate catches it up). */
export function localLiveRooms(registry: Pick<RoomRegistry, "get">): LiveRooms {
  return {
    apply(room, ops) {
      const loaded = registry.get(room);
      if (!loaded) return;
      for (const op of ops) applyRoomOp(loaded.doc, op);
    },
  };
}
