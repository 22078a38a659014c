/**
 * One team's live board: the server-authored `board.<teamId>` room, and the last copy kept on
 * this device (kv) so the board still renders, marked "as of", when the network drops.
 */
import { BOARD_MAP, readBoard, TeamBoardSchema, roomName, type TeamBoard } from "@inbox/shared";
import { batch, createSignal, onCleanup, type Accessor } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type * as Y from "yjs";
import type { LocalDb } from "../local/db.ts";
import type { RoomStatus } from "../sync/connection.ts";
import { openRoom, type Room } from "../sync/room.ts";

const KV_BOARD_PREFIX = "board:";
/** The device's copy is rewritten at most this often: a busy board changes many times a second. */
const CACHE_EVERY_MS = 5_000;
/**
 * A busy board is drawn at most this often; the changes in between are read together. A wall
 * display fed 40 changes a second otherwise spent most frames drawing numbers nobody can read
 * that fast, and dropped frames doing so. The first change after a quiet spell is drawn at the
 * next frame.
 */
const DRAW_EVERY_MS = 100;

export interface BoardView {
  board: Accessor<TeamBoard | null>;
  /** False while the board shown is the device's copy (offline or not synced yet). */
  live: Accessor<boolean>;
  status: Accessor<RoomStatus>;
}

/** Opens the room in the current reactive owner; it is closed when that owner is disposed (rotation, team change). */
export function createBoard(teamId: string, db: LocalDb | null): BoardView {
  // A store reconciled by id: a new board changes only the rows and numbers that moved, so a
  // wall display fed many updates a second keeps its DOM instead of rebuilding every card.
  const [state, setState] = createStore<{ board: TeamBoard | null }>({ board: null });
  const board = () => state.board;
  // The last board read from the room: readBoard keeps the identity of every part an update did
  // not rewrite, so only the parts that changed are reconciled into the store. Reconciling the
  // whole board walked every agent's card on each update, most of a busy wall display's time.
  let shown: TeamBoard | null = null;
  const setBoard = (next: TeamBoard) => {
    const prev = shown;
    shown = next;
    if (!prev || !state.board) return setState("board", reconcile(next, { key: "id", merge: true }));
    batch(() => {
      for (const key of ["teamId", "teamName", "at", "longWaitMs"] as const) if (prev[key] !== next[key]) setState("board", key, next[key]);
      if (prev.team.counts !== next.team.counts) setState("board", "team", "counts", reconcile(next.team.counts));
      if (prev.team.waiting !== next.team.waiting) setState("board", "team", "waiting", reconcile(next.team.waiting, { key: "conversationId", merge: true }));
      const inboxesMoved =
        prev.inboxes.length !== next.inboxes.length ||
        next.inboxes.some((i, n) => {
          const was = prev.inboxes[n]!;
          return was.inboxId !== i.inboxId || was.name !== i.name || was.counts !== i.counts || was.waiting !== i.waiting;
        });
      if (inboxesMoved) setState("board", "inboxes", reconcile(next.inboxes, { key: "inboxId", merge: true }));
      if (prev.raisedHands !== next.raisedHands) setState("board", "raisedHands", reconcile(next.raisedHands, { key: "conversationId", merge: true }));
      const sameAgents = prev.agents.length === next.agents.length && next.agents.every((a, n) => a.id === prev.agents[n]!.id);
      if (!sameAgents) setState("board", "agents", reconcile(next.agents, { key: "id", merge: true }));
      else next.agents.forEach((a, n) => a !== prev.agents[n] && setState("board", "agents", n, reconcile(a, { key: "id", merge: true })));
    });
  };
  const [live, setLive] = createSignal(false);
  let disposed = false;
  let latest: TeamBoard | null = null;
  let cacheTimer: ReturnType<typeof setTimeout> | undefined;
  const cache = () => {
    cacheTimer = undefined;
    if (latest) void db?.kv.put({ key: KV_BOARD_PREFIX + teamId, value: latest }).catch(() => {});
  };
  // Room values validated so far (see readBoard): entries an update did not touch are not parsed again.
  let validated = new WeakMap<object, unknown>();
  let room: Room;
  let map: Y.Map<unknown>;
  // The server starts a busy board over now and then (its document would grow all day): the
  // display opens it again with an empty document; the store keeps what is on screen meanwhile.
  const [room$, setRoom] = createSignal<Room | null>(null);
  // The room's updates are read just before a frame, at most once per DRAW_EVERY_MS. A hidden
  // page draws no frames: it reads at once, so the device's copy still follows the board.
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let drawnAt = -Infinity;
  const draw = () => {
    frame = null;
    drawnAt = performance.now();
    read();
  };
  const inFrame = () => {
    if (document.visibilityState === "hidden") draw();
    else frame = requestAnimationFrame(draw);
  };
  const schedule = () => {
    if (frame !== null || timer !== null) return;
    const wait = drawnAt + DRAW_EVERY_MS - performance.now();
    if (wait <= 0) return inFrame();
    timer = setTimeout(() => {
      timer = null;
      inFrame();
    }, wait);
  };
  // Hidden with a frame still awaited: it would come only once the page is shown again.
  const onVisibility = () => {
    if (document.visibilityState !== "hidden" || frame === null) return;
    cancelAnimationFrame(frame);
    draw();
  };
  document.addEventListener("visibilitychange", onVisibility);
  const open = () => {
    room = openRoom(roomName({ kind: "board", id: teamId }), { owned: false, onRenewed: () => queueMicrotask(reopen) });
    map = room.doc.getMap(BOARD_MAP) as Y.Map<unknown>;
    map.observe(schedule);
    setRoom(room);
  };
  const close = () => {
    map.unobserve(schedule);
    if (frame !== null) cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = timer = null;
    room.destroy();
  };
  const reopen = () => {
    if (disposed) return;
    close();
    validated = new WeakMap();
    open();
  };
  const read = () => {
    const next = readBoard((key) => map.get(key), validated);
    if (!next) return;
    setBoard(next);
    setLive(true);
    // Only the newest copy is written, once per interval: writes never queue up behind a busy board.
    const first = latest === null;
    latest = next;
    if (first) cache();
    else cacheTimer ??= setTimeout(cache, CACHE_EVERY_MS);
  };
  open();
  read();
  if (!board() && db) {
    void db.kv.get(KV_BOARD_PREFIX + teamId).then((row) => {
      const cached = TeamBoardSchema.safeParse(row?.value);
      if (!disposed && cached.success && !board()) setBoard(cached.data);
    });
  }
  onCleanup(() => {
    disposed = true;
    document.removeEventListener("visibilitychange", onVisibility);
    close();
    if (cacheTimer !== undefined) {
      clearTimeout(cacheTimer);
      cache();
    }
  });
  const status = () => room$()?.status() ?? "connecting";
  return { board, live: () => live() && status() === "connected", status };
}
