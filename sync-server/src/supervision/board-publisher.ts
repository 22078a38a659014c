import type * as Y from "yjs";
import { parseRoomName, roomName } from "@inbox/shared";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import { applyRoomOp } from "../rooms/room-ops.ts";
import { buildTeamBoard, teamsOf, type BoardDeps } from "./build-board.ts";
import { boardWakeAt, type BoardWakeDeps } from "./board-wake.ts";

export interface BoardPublisherDeps extends BoardDeps, BoardWakeDeps {
  /** Where boards are written (the undecorated live rooms). */
  live: LiveRooms;
  /** Whether anyone may be watching this board room (Node: it is loaded here); unwatched boards are not built. */
  watched(room: string): boolean;
  /** Whether this runtime keeps timers between requests (Node) to wake boards that change by time alone. */
  wakes: boolean;
}

/**
 * Rebuilds a team's board when something of the team commits. Builds of one team are coalesced:
 * a burst of events while a build runs makes one more build, not one per event. Two things change
 * with nobody writing (a chat starts "waiting too long", an agent's heartbeat runs out), so after
 * each build one timer per watched team wakes the board at the next such moment (board-wake.ts).
 */
export class BoardPublisher {
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly idle = new Set<() => void>();
  private readonly wakes = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(private readonly core: BoardPublisherDeps) {}

  teamChanged(teamId: string): void {
    if (!this.core.watched(roomName({ kind: "board", id: teamId }))) return;
    if (this.running.has(teamId)) {
      this.dirty.add(teamId);
      return;
    }
    void this.run(teamId);
  }

  /** A board room being loaded: written from the record before it serves anyone. */
  async hydrate(teamId: string, doc: Y.Doc): Promise<void> {
    const board = await buildTeamBoard(this.core, teamId);
    if (board) applyRoomOp(doc, { kind: "board", board });
    await this.scheduleWake(teamId);
  }

  /** Clears the wake timers (shutdown); later builds schedule none. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.wakes.values()) clearTimeout(timer);
    this.wakes.clear();
  }

  /** Users changed (availability, capacity): the boards of their teams. */
  async usersChanged(userIds: readonly string[]): Promise<void> {
    for (const teamId of await teamsOf(this.core, userIds)) this.teamChanged(teamId);
  }

  /** Resolves when no build is running (tests, shutdown). */
  settled(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  private async run(teamId: string): Promise<void> {
    this.running.add(teamId);
    try {
      do {
        this.dirty.delete(teamId);
        const board = await buildTeamBoard(this.core, teamId);
        if (board) this.core.live.apply(roomName({ kind: "board", id: teamId }), [{ kind: "board", board }]);
      } while (this.dirty.has(teamId));
      await this.scheduleWake(teamId);
    } catch (err) {
      console.error(`board of team ${teamId} failed`, err);
    } finally {
      this.running.delete(teamId);
      if (this.running.size === 0) for (const done of this.idle) done();
      if (this.running.size === 0) this.idle.clear();
    }
  }

  private async scheduleWake(teamId: string): Promise<void> {
    const previous = this.wakes.get(teamId);
    if (previous !== undefined) clearTimeout(previous);
    this.wakes.delete(teamId);
    if (this.stopped || !this.core.wakes) return;
    const at = await boardWakeAt(this.core, teamId);
    if (at === null || this.stopped) return;
    const timer = setTimeout(() => {
      this.wakes.delete(teamId);
      this.teamChanged(teamId);
    }, Math.max(0, at - this.core.now()) + 1);
    // A wall display's board must not keep a stopping Node process alive.
    (timer as { unref?: () => void }).unref?.();
    this.wakes.set(teamId, timer);
  }
}

/** Live rooms that also refresh a team's board whenever its team room is written (publish()). */
export function withBoardRefresh(live: LiveRooms, boards: Pick<BoardPublisher, "teamChanged">): LiveRooms {
  return {
    apply(room, ops) {
      live.apply(room, ops);
      const ref = parseRoomName(room);
      if (ref?.kind === "team") boards.teamChanged(ref.id);
    },
  };
}
