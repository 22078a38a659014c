/**
 * One team's live board: the server-authored `board.<teamId>` room, and the last copy kept on
 * this device (kv) so the board still renders, marked "as of", when the network drops.
 */
import { BOARD_KEY, BOARD_MAP, TeamBoardSchema, roomName, type TeamBoard } from "@inbox/shared";
import { createSignal, onCleanup, type Accessor } from "solid-js";
import type * as Y from "yjs";
import type { LocalDb } from "../local/db.ts";
import type { RoomStatus } from "../sync/connection.ts";
import { openRoom } from "../sync/room.ts";

const KV_BOARD_PREFIX = "board:";

export interface BoardView {
  board: Accessor<TeamBoard | null>;
  /** False while the board shown is the device's copy (offline or not synced yet). */
  live: Accessor<boolean>;
  status: Accessor<RoomStatus>;
}

/** Opens the room in the current reactive owner; it is closed when that owner is disposed (rotation, team change). */
export function createBoard(teamId: string, db: LocalDb | null): BoardView {
  const room = openRoom(roomName({ kind: "board", id: teamId }));
  const map = room.doc.getMap(BOARD_MAP) as Y.Map<unknown>;
  const [board, setBoard] = createSignal<TeamBoard | null>(null);
  const [live, setLive] = createSignal(false);
  let disposed = false;
  const read = () => {
    const parsed = TeamBoardSchema.safeParse(map.get(BOARD_KEY));
    if (!parsed.success) return;
    setBoard(parsed.data);
    setLive(true);
    void db?.kv.put({ key: KV_BOARD_PREFIX + teamId, value: parsed.data }).catch(() => {});
  };
  map.observe(read);
  read();
  if (!board() && db) {
    void db.kv.get(KV_BOARD_PREFIX + teamId).then((row) => {
      const cached = TeamBoardSchema.safeParse(row?.value);
      if (!disposed && cached.success && !board()) setBoard(cached.data);
    });
  }
  onCleanup(() => {
    disposed = true;
    map.unobserve(read);
  });
  return { board, live: () => live() && room.status() === "connected", status: room.status };
}
