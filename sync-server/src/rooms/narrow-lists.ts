import { inArray, isNotNull } from "drizzle-orm";
import { parseRoomName, roomName, seesWholeTeams, type Conversation } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { heldRoles, toUser } from "../db/read-model.ts";
import { teamMembers, users } from "../db/schema.ts";
import type { LiveRooms } from "./live-rooms.ts";
import type { ListViewer, RoomOp } from "./room-ops.ts";

/** How long the list of narrow-scope people is trusted before it is read again (people changes also drop it at once). */
const VIEWERS_TTL_MS = 5_000;

/**
 * People whose role sees only some of their teams' chats (custom roles: assigned to them, or
 * those and the unassigned ones), by team. They cannot hold the team's list room, so every
 * write into a team's list is also written into each one's `mine.<id>` room, filtered for them.
 * The set is read from the record in the background: `apply` must not wait (LiveRooms are
 * fire-and-forget), and a room that loads reads its own state from the record anyway.
 */
export class NarrowViewers {
  private reading: Promise<void> | null = null;

  constructor(
    private readonly core: Reads & { now(): number },
    /** The set as last read; a Worker isolate shares one across its per-request cores. */
    private readonly known: NarrowViewersMemory = narrowViewersMemory(),
  ) {}

  /** The team's narrow viewers as last read; starts a new read when the copy is old. */
  of(teamId: string): readonly ListViewer[] {
    if (this.core.now() - this.known.readAt > VIEWERS_TTL_MS) void this.refresh();
    return this.known.byTeam.get(teamId) ?? [];
  }

  /** Reads the set again (a role, a role's permissions or someone's teams changed). */
  refresh(): Promise<void> {
    this.reading ??= this.read().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async read(): Promise<void> {
    const { db } = this.core;
    const holders = await db.select().from(users).where(isNotNull(users.customRoleId));
    const roles = await heldRoles(db, holders);
    const active = holders.filter((u) => u.deactivatedAt === null);
    const memberships = active.length ? await db.select().from(teamMembers).where(inArray(teamMembers.userId, active.map((u) => u.id))) : [];
    const byTeam = new Map<string, ListViewer[]>();
    for (const row of active) {
      const teamIds = memberships.filter((m) => m.userId === row.id).map((m) => m.teamId);
      const user = toUser(row, teamIds, roles.get(row.customRoleId ?? "") ?? null);
      if (!user.permissions || seesWholeTeams(user)) continue;
      const viewer: ListViewer = { id: user.id, role: user.role, permissions: user.permissions, teamIds };
      for (const teamId of teamIds) byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), viewer]);
    }
    this.known.byTeam = byTeam;
    this.known.readAt = this.core.now();
  }
}

/** What NarrowViewers last read: plain values (never the read under way, which is one request's I/O). */
export interface NarrowViewersMemory {
  byTeam: Map<string, ListViewer[]>;
  readAt: number;
}

export function narrowViewersMemory(): NarrowViewersMemory {
  return { byTeam: new Map(), readAt: -Infinity };
}

/** Team list writes, copied into the narrow viewers' own list rooms. */
export function withNarrowLists(live: LiveRooms, viewers: Pick<NarrowViewers, "of">): LiveRooms {
  return {
    apply(room, ops) {
      live.apply(room, ops);
      const ref = parseRoomName(room);
      if (ref?.kind !== "team") return;
      const audience = viewers.of(ref.id);
      if (audience.length === 0) return;
      for (const viewer of audience) {
        const mine = ops.map((op) => forViewer(op, viewer)).filter((op): op is RoomOp => op !== null);
        if (mine.length) live.apply(roomName({ kind: "mine", id: viewer.id }), mine);
      }
    },
  };
}

function forViewer(op: RoomOp, viewer: ListViewer): RoomOp | null {
  const filtered = (conversations: Conversation[]): RoomOp => ({ kind: "mine.conversations", viewer, conversations });
  switch (op.kind) {
    case "team.conversations":
    case "team.touch":
      return filtered(op.conversations);
    case "team.conversation.removed":
    case "team.inbox":
      return op;
    default:
      return null;
  }
}
