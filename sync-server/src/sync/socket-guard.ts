import { parseRoomName } from "@inbox/shared";
import { usersOfSessions, type SessionReads } from "../auth/index.ts";
import { HttpError, refused } from "../http/http-error.ts";
import { LoopJob, PollingLoop } from "../scheduling/polling-loop.ts";
import { CLOSE_FORBIDDEN, CLOSE_TOO_MANY, CLOSE_UNAUTHENTICATED, type PeerUser } from "../rooms/peer.ts";
import { judgeRoom, roomOwners } from "./room-access.ts";

export interface SocketGuardOptions {
  /** How often every open agent socket's access is checked again against the record. */
  recheckMs: number;
  /** Sockets one session may hold open on one server (every room of every tab). */
  socketsPerSession: number;
  /** Workers: sockets one session may hold open in one room's object. */
  socketsPerSessionInRoom: number;
}

export const DEFAULT_SOCKET_GUARD: SocketGuardOptions = { recheckMs: 5000, socketsPerSession: 100, socketsPerSessionInRoom: 10 };

/** What a socket was granted at the upgrade, and what is checked again. */
export interface SocketAccess {
  room: string;
  sessionTokenHash: string;
}

export type AccessVerdict =
  | { ok: true; user: PeerUser; writable: boolean }
  | { ok: false; code: number; reason: string };

/**
 * Access is decided at the upgrade, and then again from the record every few seconds for every
 * open socket: a session signed out, expired or of a deactivated user closes its sockets (4401);
 * a user removed from the team or whose role no longer lets them see the room is closed out of
 * it (4403); a role change that leaves the room visible narrows what the socket may do (the
 * room reads the peer's current role). Three queries for the sessions and two for the rooms,
 * whatever the number of sockets. Node's guard runs this on a timer; a Workers room object on
 * its alarm.
 */
export async function recheckAccess(core: SessionReads, sockets: readonly SocketAccess[]): Promise<AccessVerdict[]> {
  if (sockets.length === 0) return [];
  const [users, owners] = await Promise.all([usersOfSessions(core, sockets.map((s) => s.sessionTokenHash)), roomOwners(core, sockets.map((s) => s.room))]);
  return sockets.map(({ room, sessionTokenHash }) => {
    const user = users.get(sessionTokenHash);
    if (!user) return { ok: false, code: CLOSE_UNAUTHENTICATED, reason: "Your session has ended. Please sign in again." };
    // The workspace now requires a second factor this user has not set up: rooms close until they do.
    if (user.mustEnrolTwoFactor) return { ok: false, code: CLOSE_FORBIDDEN, reason: "Set up two-factor sign-in to continue." };
    const ref = parseRoomName(room);
    const verdict = ref ? judgeRoom(user, ref, owners.get(room)) : null;
    if (!verdict?.ok) return { ok: false, code: CLOSE_FORBIDDEN, reason: "You no longer have access to this." };
    return { ok: true, user: { id: user.id, name: user.name, role: user.role, permissions: user.permissions }, writable: verdict.writable };
  });
}

/** One open agent socket in this process, as the guard sees it. */
export interface GuardedSocket extends SocketAccess {
  /** Applies what the re-check found (name, role, writability) to the live socket. */
  update(user: PeerUser, writable: boolean): void;
  close(code: number, reason: string): void;
}

export function tooManySockets(): HttpError {
  return refused(429, "rate_limited", "too_many_sockets");
}

/** This process's open agent sockets, checked again on a timer (Node) and closed at sign-out. */
export class SocketGuard extends LoopJob {
  private readonly sockets = new Set<GuardedSocket>();
  private readonly perSession = new Map<string, number>();
  protected readonly loop: PollingLoop;

  constructor(
    private readonly core: SessionReads,
    readonly options: SocketGuardOptions,
  ) {
    super();
    this.loop = new PollingLoop({ intervalMs: options.recheckMs, firstDelayMs: options.recheckMs, tick: () => this.recheck(), failure: "socket access check failed" });
  }

  /** Refuses an upgrade the session has no room for (checked again when the socket opens). */
  admit(sessionTokenHash: string): void {
    if ((this.perSession.get(sessionTokenHash) ?? 0) >= this.options.socketsPerSession) throw tooManySockets();
  }

  /** Tracks an open socket; false (and the socket is closed) when its session holds too many. */
  add(socket: GuardedSocket): boolean {
    const n = this.perSession.get(socket.sessionTokenHash) ?? 0;
    if (n >= this.options.socketsPerSession) {
      socket.close(CLOSE_TOO_MANY, "Too many connections");
      return false;
    }
    this.perSession.set(socket.sessionTokenHash, n + 1);
    this.sockets.add(socket);
    return true;
  }

  remove(socket: GuardedSocket): void {
    if (!this.sockets.delete(socket)) return;
    const n = (this.perSession.get(socket.sessionTokenHash) ?? 1) - 1;
    if (n > 0) this.perSession.set(socket.sessionTokenHash, n);
    else this.perSession.delete(socket.sessionTokenHash);
  }

  /** Closes this process's sockets of a session at once (sign-out handled here). */
  closeSession(sessionTokenHash: string, code: number, reason: string): void {
    for (const socket of [...this.sockets]) {
      if (socket.sessionTokenHash !== sessionTokenHash) continue;
      this.remove(socket);
      socket.close(code, reason);
    }
  }

  /** Checks every open socket against the record now; closes or narrows what changed. */
  async recheck(): Promise<void> {
    const open = [...this.sockets];
    const verdicts = await recheckAccess(this.core, open);
    open.forEach((socket, i) => {
      const verdict = verdicts[i]!;
      if (!this.sockets.has(socket)) return; // closed meanwhile
      if (verdict.ok) return socket.update(verdict.user, verdict.writable);
      this.remove(socket);
      socket.close(verdict.code, verdict.reason);
    });
  }

}
