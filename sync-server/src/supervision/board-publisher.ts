import type * as Y from "yjs";
import { parseRoomName, roomName } from "@inbox/shared";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import { applyRoomOp } from "../rooms/room-ops.ts";
import { buildTeamBoard, teamsOf, type BoardDeps } from "./build-board.ts";

export interface BoardPublisherDeps extends BoardDeps {
  /** Where boards are written (the undecorated live rooms). */
  live: LiveRooms;
  /** Whether anyone may be watching this board room (Node: it is loaded here); unwatched boards are not built. */
  watched(room: string): boolean;
}

/**
 * Rebuilds a team's board when something of the team commits, never on a timer. Builds of one
 * team are coalesced: a burst of events while a build runs makes one more build, not one per event.
 */
export class BoardPublisher {
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly idle = new Set<() => void>();

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
    } catch (err) {
      console.error(`board of team ${teamId} failed`, err);
    } finally {
      this.running.delete(teamId);
      if (this.running.size === 0) for (const done of this.idle) done();
      if (this.running.size === 0) this.idle.clear();
    }
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
