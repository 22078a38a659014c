import type * as Y from "yjs";
import { parseRoomName, roomName, type Conversation, type TeamBoard } from "@inbox/shared";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import { applyRoomOp, type RoomOp } from "../rooms/room-ops.ts";
import { boardConversationOf, composeTeamBoard, readTeamAgents, readTeamParts, readVips, teamsOf, type BoardDeps, type TeamParts } from "./build-board.ts";
import { boardWakeAt, type BoardWakeDeps } from "./board-wake.ts";

export interface BoardPublisherDeps extends BoardDeps, BoardWakeDeps {
  /** Where boards are written (the undecorated live rooms). */
  live: LiveRooms;
  /** Whether anyone may be watching this board room (Node: it is loaded here); unwatched boards are not built. */
  watched(room: string): boolean;
  /**
   * Whether this process outlives a request (Node): it then keeps each watched team's parts in
   * memory to patch, and timers to wake boards that change by time alone. Workers read the
   * record for every board they publish.
   */
  longLived: boolean;
  /**
   * Builds a changed team's board where its watchers are, instead of here (Workers: the board
   * room's object, the only one that knows whether anyone watches; it reads the record only then).
   */
  buildElsewhere?: (teamId: string) => void;
}

/** The agents' numbers are read again at most this often while a team's chats keep changing. */
const AGENTS_READ_EVERY_MS = 1_000;

/**
 * Publishes each team's board into `board.<teamId>`. A chat written into the team's room is
 * patched into the board at once, from memory: the ops carry whole conversations, the same the
 * team's list room is made of, so a board of 2,000 waiting chats is not read back per event.
 * What only the record knows (agents' load across teams, today's numbers, a new chat's VIP flag)
 * follows with a read of the agents, at most once a second per team. The whole team is read
 * when a board opens and when something else changed (people, contacts, a wake-up). Reads of
 * one team are coalesced: a burst while one runs makes one more. Two things change with nobody
 * writing (a chat starts "waiting too long", an agent's heartbeat runs out), so after each full
 * read one timer per watched team wakes the board at the next such moment (board-wake.ts).
 */
export class BoardPublisher {
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Teams whose agents' numbers are due again (a light read). */
  private readonly agentsDue = new Set<string>();
  /** Chats first seen from an op, whose contact's VIP flag the next read looks up. */
  private readonly newChats = new Map<string, Set<string>>();
  private readonly idle = new Set<() => void>();
  private readonly wakes = new Map<string, ReturnType<typeof setTimeout>>();
  /** Watched teams' parts, patched between full reads (long-lived runtimes only). */
  private readonly parts = new Map<string, TeamParts>();
  /** Chats patched while a full read of their team runs: the read may predate them. */
  private readonly patchedDuringRead = new Map<string, Map<string, Conversation | null>>();
  private readonly lastRead = new Map<string, number>();
  /** The board last composed per watched team, whose unchanged agents' cards the next one reuses. */
  private readonly composed = new Map<string, TeamBoard>();
  private readonly soon = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(private readonly core: BoardPublisherDeps) {}

  /** Something of the team changed that only the record knows: a full read (coalesced). */
  teamChanged(teamId: string): void {
    if (this.core.buildElsewhere) return this.core.buildElsewhere(teamId);
    if (!this.core.watched(this.room(teamId))) {
      this.forget(teamId);
      return;
    }
    this.dirty.add(teamId);
    if (!this.running.has(teamId)) void this.run(teamId);
  }

  /** The team's room was written: chats are patched in now, the agents' numbers follow with a read soon. */
  teamWritten(teamId: string, ops: readonly RoomOp[]): void {
    const parts = this.parts.get(teamId);
    if (!parts || !this.core.watched(this.room(teamId))) return this.teamChanged(teamId);
    const during = this.patchedDuringRead.get(teamId);
    let patched = false;
    let other = false;
    for (const op of ops) {
      if (op.kind === "team.conversations") {
        for (const c of op.conversations) {
          if (!parts.summaries.has(c.id)) this.newChatsOf(teamId).add(c.id);
          patch(parts, teamId, c.id, c);
          during?.set(c.id, c);
        }
        patched = true;
      } else if (op.kind === "team.conversation.removed") {
        patch(parts, teamId, op.id, null);
        during?.set(op.id, null);
        patched = true;
      } else {
        // A contact's details (VIP) or an inbox changed: read the whole team.
        other = true;
      }
    }
    if (patched) this.publish(teamId, this.compose(parts));
    if (other) this.teamChanged(teamId);
    else this.readSoon(teamId);
  }

  /** A board room being loaded: written from the record before it serves anyone. */
  async hydrate(teamId: string, doc: Y.Doc): Promise<void> {
    const parts = await readTeamParts(this.core, teamId);
    if (!parts) return;
    if (this.core.longLived) this.parts.set(teamId, parts);
    this.lastRead.set(teamId, this.core.now());
    applyRoomOp(doc, { kind: "board", board: this.compose(parts) });
    await this.scheduleWake(teamId);
  }

  /** Users changed (availability, capacity): the boards of their teams. */
  async usersChanged(userIds: readonly string[]): Promise<void> {
    for (const teamId of await teamsOf(this.core, userIds)) this.teamChanged(teamId);
  }

  /** Resolves when no full read is running (tests, shutdown). */
  settled(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Clears the timers (shutdown); later reads schedule none. */
  stop(): void {
    this.stopped = true;
    for (const timer of [...this.wakes.values(), ...this.soon.values()]) clearTimeout(timer);
    this.wakes.clear();
    this.soon.clear();
  }

  private room(teamId: string): string {
    return roomName({ kind: "board", id: teamId });
  }

  /** The board now, sharing unchanged agents' cards with the one composed before (long-lived runtimes). */
  private compose(parts: TeamParts): TeamBoard {
    const board = composeTeamBoard(parts, this.core.now(), this.composed.get(parts.teamId) ?? null);
    if (this.core.longLived) this.composed.set(parts.teamId, board);
    return board;
  }

  private publish(teamId: string, board: TeamBoard): void {
    this.core.live.apply(this.room(teamId), [{ kind: "board", board }]);
  }

  private forget(teamId: string): void {
    this.parts.delete(teamId);
    this.newChats.delete(teamId);
    this.lastRead.delete(teamId);
    this.composed.delete(teamId);
    const timer = this.soon.get(teamId);
    if (timer !== undefined) clearTimeout(timer);
    this.soon.delete(teamId);
  }

  /** The agents' numbers now if they were read long enough ago, else once at the end of the interval. */
  private readSoon(teamId: string): void {
    if (this.soon.has(teamId) || this.stopped) return;
    const wait = (this.lastRead.get(teamId) ?? 0) + AGENTS_READ_EVERY_MS - this.core.now();
    if (wait <= 0) return this.agentsChanged(teamId);
    const timer = setTimeout(() => {
      this.soon.delete(teamId);
      this.agentsChanged(teamId);
    }, wait);
    (timer as { unref?: () => void }).unref?.();
    this.soon.set(teamId, timer);
  }

  private agentsChanged(teamId: string): void {
    this.agentsDue.add(teamId);
    if (!this.running.has(teamId)) void this.run(teamId);
  }

  private newChatsOf(teamId: string): Set<string> {
    let set = this.newChats.get(teamId);
    if (!set) this.newChats.set(teamId, (set = new Set()));
    return set;
  }

  /** Full and light reads of one team, one at a time, until none is due. */
  private async run(teamId: string): Promise<void> {
    this.running.add(teamId);
    try {
      while (this.dirty.has(teamId) || this.agentsDue.has(teamId)) {
        const full = this.dirty.has(teamId) || !this.parts.has(teamId);
        this.dirty.delete(teamId);
        this.agentsDue.delete(teamId);
        this.lastRead.set(teamId, this.core.now());
        if (full) await this.readAll(teamId);
        else await this.readAgents(teamId);
      }
    } catch (err) {
      console.error(`board of team ${teamId} failed`, err);
    } finally {
      this.patchedDuringRead.delete(teamId);
      this.running.delete(teamId);
      if (this.running.size === 0) for (const done of this.idle) done();
      if (this.running.size === 0) this.idle.clear();
    }
  }

  private async readAll(teamId: string): Promise<void> {
    const during = new Map<string, Conversation | null>();
    this.patchedDuringRead.set(teamId, during);
    this.newChats.delete(teamId);
    const parts = await readTeamParts(this.core, teamId);
    this.patchedDuringRead.delete(teamId);
    if (!parts) return;
    for (const [id, c] of during) patch(parts, teamId, id, c);
    if (this.core.longLived) this.parts.set(teamId, parts);
    this.publish(teamId, this.compose(parts));
    await this.scheduleWake(teamId);
  }

  /** The agents' numbers and new chats' VIP flags; the chats themselves are patched from the ops. */
  private async readAgents(teamId: string): Promise<void> {
    const parts = this.parts.get(teamId)!;
    const fresh = [...(this.newChats.get(teamId) ?? [])];
    this.newChats.delete(teamId);
    const [agents, vips] = await Promise.all([readTeamAgents(this.core, teamId, parts.workspaceId), readVips(this.core, fresh)]);
    parts.agents = agents;
    for (const [id, vip] of vips) {
      const c = parts.summaries.get(id);
      if (c && c.vip !== vip) parts.summaries.set({ ...c, vip });
    }
    this.publish(teamId, this.compose(parts));
    // A chat that arrived since may be the next to wait too long.
    await this.scheduleWake(teamId);
  }

  private async scheduleWake(teamId: string): Promise<void> {
    const previous = this.wakes.get(teamId);
    if (previous !== undefined) clearTimeout(previous);
    this.wakes.delete(teamId);
    if (this.stopped || !this.core.longLived) return;
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

/** A chat as the team's list now has it (null: it left the team); resolved chats leave the board. */
function patch(parts: TeamParts, teamId: string, id: string, c: Conversation | null): void {
  if (c === null || c.teamId !== teamId || c.status === "resolved") {
    parts.summaries.delete(id);
    return;
  }
  // A new chat's contact may be a VIP: the next full read says so.
  parts.summaries.set(boardConversationOf(c, parts.summaries.get(id)?.vip ?? false));
}

/** Live rooms that also patch a team's board whenever its team room is written (publish()). */
export function withBoardRefresh(live: LiveRooms, boards: Pick<BoardPublisher, "teamWritten">): LiveRooms {
  return {
    apply(room, ops) {
      live.apply(room, ops);
      const ref = parseRoomName(room);
      if (ref?.kind === "team") boards.teamWritten(ref.id, ops);
    },
  };
}
