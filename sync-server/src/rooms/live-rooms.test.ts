import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BOARD_MAP, readBoard, type TeamBoard } from "@inbox/shared";
import { localLiveRooms } from "./live-rooms.ts";
import { CLOSE_RENEWED, type Peer } from "./peer.ts";
import { Room } from "./room.ts";
import { applyRoomOp } from "./room-ops.ts";

const at = 1_800_000_000_000;
const board = (i: number): TeamBoard => ({
  teamId: "t1",
  teamName: "Support",
  at: at + i,
  longWaitMs: 300_000,
  team: { counts: { open: i, pending: 0, snoozed: 0, unassigned: i, offered: 0, waiting: i, waitingLong: 0, slaAtRisk: 0, slaBreached: 0 }, waiting: [] },
  inboxes: [],
  agents: Array.from({ length: 20 }, (_, k) => ({
    id: `a${k}`,
    name: `Agent ${k}`,
    availability: "available" as const,
    availabilitySince: at,
    load: k === i % 20 ? i % 5 : 1,
    capacity: 5,
    open: [],
    lastReplyAt: null,
    handledToday: 0,
    medianFirstResponseMs: null,
  })),
  raisedHands: [],
});

describe("a board room written all day", () => {
  it("starts over with a fresh document now and then, closing its watchers so they reopen, and stays small", () => {
    const room = new Room("board.t1");
    const closed: number[] = [];
    const peer: Peer = { send: () => {}, close: (code) => closed.push(code) };
    room.addPeer(peer, false);
    const live = localLiveRooms({ get: (name) => (name === room.name ? room : undefined) }, 50);
    const control = new Y.Doc();
    for (let i = 1; i <= 500; i++) {
      live.apply(room.name, [{ kind: "board", board: board(i) }]);
      applyRoomOp(control, { kind: "board", board: board(i) });
    }
    // The watcher was told to reopen (once: it did not come back in this test).
    expect(closed).toEqual([CLOSE_RENEWED]);
    // The fresh document holds the whole latest board...
    const map = room.doc.getMap(BOARD_MAP);
    expect(readBoard((key) => map.get(key), new WeakMap())).toEqual(board(500));
    // ...without the tombstones of the writes before it.
    expect(Y.encodeStateAsUpdate(room.doc).length).toBeLessThan(Y.encodeStateAsUpdate(control).length / 2);
  });

  it("never renews a stored room (its update log is the record of agents' edits)", () => {
    const room = new Room("work.c1");
    const live = localLiveRooms({ get: () => room }, 1);
    const doc = room.doc;
    for (let i = 1; i <= 5; i++) live.apply(room.name, [{ kind: "board", board: board(i) }]);
    expect(room.doc).toBe(doc);
  });
});
