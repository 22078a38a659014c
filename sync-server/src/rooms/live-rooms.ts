import { roomIsStored } from "@inbox/shared";
import { CLOSE_RENEWED } from "./peer.ts";
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

/**
 * A board room starts over after this many updates. Each one leaves tombstones of the entries it
 * overwrote: about 1.6 MB of heap per 1,000 board writes (measured on a 100-agent board), on
 * the server and on every wall display, all day long. Renewing costs each watcher one reconnect.
 */
export const RENEW_BOARD_AFTER_UPDATES = 2_000;

/** This process's rooms: applied at once to a loaded room, skipped for an unloaded one (hydrate catches it up). */
export function localLiveRooms(registry: Pick<RoomRegistry, "get">, renewAfter = RENEW_BOARD_AFTER_UPDATES): LiveRooms {
  return {
    apply(room, ops) {
      const loaded = registry.get(room);
      if (!loaded) return;
      for (const op of ops) {
        // A board op carries the whole board, so the fresh document is complete after it.
        if (op.kind === "board" && loaded.updateCount >= renewAfter && !roomIsStored(room)) {
          loaded.renew(CLOSE_RENEWED, "The board starts over: reopen it");
        }
        applyRoomOp(loaded.doc, op);
      }
    },
  };
}
