import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { parseRoomName, roomIsStored } from "@inbox/shared";
import { docUpdates } from "../db/schema.ts";
import type { Core } from "../core.ts";
import { hydrateRoom } from "../sync/index.ts";
import { CLOSE_NOT_FOUND, type Peer } from "../rooms/peer.ts";
import { MAX_SYNC_MESSAGE_BYTES } from "../sync/index.ts";
import { recheckAccess, tooManySockets } from "../sync/index.ts";
import { applyRoomOp, type RoomOp } from "../rooms/room-ops.ts";
import { Room } from "../rooms/room.ts";
import type { CfWebSocket, DurableObjectState } from "./cf-types.ts";
import { closeInReply, newWebSocketPair, upgradeResponse } from "./cf-types.ts";
import type { Env } from "./env.ts";
import { RoomStorage } from "./room-storage.ts";
import { roomProbe } from "./bench-probes.ts";
import { traceOf, type Trace } from "./bench-trace.ts";
import { BOARD_CHANGED_PATH, ROOM_HEADER, readSocketGrant, type SocketGrant } from "./internal.ts";
import { ownCoreOf } from "./worker-core.ts";

/**
 * One live Yjs room (`idFromName(<room name>)`): the pure `Room` with its sockets accepted
 * through the WebSocket Hibernation API, so an idle room costs nothing. Every update is
 * appended to this object's storage first (the room is rebuilt from it on wake) and written
 * through to libSQL `doc_updates`. Only the Worker reaches this object, after it authorised
 * the socket; the object trusts the grant the Worker passes and nothing the client sends. While
 * agents are connected, an alarm every few seconds checks each socket's grant (kept in its
 * attachment) against the record again, closing or narrowing it, and beats routing's presence.
 */
export class RoomObject {
  private readonly storage: RoomStorage;
  private core!: Core;
  private room!: Room;
  private readonly peers = new Map<CfWebSocket, Peer>();
  private readonly ready: Promise<void>;
  /** True while ops from the record are being applied (`/ops`): their updates need not hold the sockets' frames. */
  private applyingRecord = false;
  /** The bench's trace of the ops being applied (bench-trace.ts), while they are. */
  private trace: Trace | null = null;
  /**
   * The room being loaded: sockets arriving together at a room nobody held wait for the same
   * load. Loading it once per request left the first ones attached to a document the object
   * then dropped (their messages reached the new one, which did not know them): they never
   * synced nor heard an update (the load test's agents connecting at once found it).
   */
  private loading: Promise<void> | undefined;
  /** A board room's team changed while nobody watched it (`/board-changed`). */
  private boardStale = false;
  /** The board rebuild under way, and whether the team changed again meanwhile (rebuilds coalesce). */
  private boardRebuild: Promise<void> | null = null;
  private boardAgain = false;
  /** When routing's presence heartbeat is next due (it shares the alarm with the access check). */
  private presenceDueAt = 0;

  /** This object's own core (see ownCoreOf). */
  private readonly ownCore: () => Promise<Core>;

  constructor(
    private readonly state: DurableObjectState,
    private readonly env: Env,
  ) {
    this.ownCore = ownCoreOf(env);
    this.storage = new RoomStorage(state.storage);
    this.ready = state.blockConcurrencyWhile(() => this.wake());
  }

  /** The room's name: every request carries it (a Durable Object does not know its own name). */
  private nameFrom(request: Request): string {
    const name = request.headers.get(ROOM_HEADER);
    if (!name) throw new Error("room name missing");
    return name;
  }

  async fetch(request: Request): Promise<Response> {
    await this.ready;
    const probe = roomProbe(request, this.env, () => [...this.peers.keys()], (unconfirmed) => this.state.storage.put("bench:probe", Date.now(), { allowUnconfirmed: unconfirmed }));
    if (probe) return probe;
    const name = this.nameFrom(request);
    const url = new URL(request.url);
    if (url.pathname === BOARD_CHANGED_PATH && request.method === "POST") {
      // Nobody watching (the room woke with its sockets, so none here means none): the board
      // is built from the record when someone opens it again, not on every change of the team.
      // A rebuild under way (a first watcher waits for it) reads again after it.
      if (this.peers.size > 0 || this.boardRebuild) this.state.waitUntil(this.rebuildBoard());
      else this.boardStale = true;
      return new Response(null, { status: 204 });
    }
    if (!this.room) await (this.loading ??= this.load(name).finally(() => (this.loading = undefined)));
    if (url.pathname === "/ops" && request.method === "POST") {
      const ops = (await request.json()) as RoomOp[];
      this.trace = traceOf(request, this.env);
      this.applyingRecord = true;
      try {
        for (const op of ops) applyRoomOp(this.room.doc, op);
      } finally {
        this.applyingRecord = false;
        if (this.trace) this.state.waitUntil(this.trace.emit(`room ${name}`));
        this.trace = null;
      }
      return new Response(null, { status: 204 });
    }
    if (url.pathname === "/rewrite" && request.method === "POST") {
      const ops = (await request.json()) as RoomOp[];
      for (const op of ops) applyRoomOp(this.room.doc, op);
      await this.rewriteStored(name);
      return Response.json({ ok: true });
    }
    if (url.pathname === "/drop" && request.method === "POST") {
      await this.drop(name);
      return Response.json({ ok: true });
    }
    if (url.pathname === "/socket") {
      const grant = readSocketGrant(request);
      if (!grant) return new Response("bad grant", { status: 400 });
      // A board its team changed under while nobody watched: the first watcher gets it fresh.
      if (this.boardStale) await this.rebuildBoard();
      return this.accept(grant);
    }
    return new Response("not found", { status: 404 });
  }

  async webSocketMessage(ws: CfWebSocket, message: string | ArrayBuffer): Promise<void> {
    await this.ready;
    const peer = this.peers.get(ws);
    // The platform takes frames up to 32 MiB (not configurable): the size is checked before
    // anything is parsed.
    if ((typeof message === "string" ? message.length : message.byteLength) > MAX_SYNC_MESSAGE_BYTES) {
      ws.close(1009, "Change too large");
      return;
    }
    if (!peer || typeof message === "string") return;
    try {
      this.room.receive(peer, new Uint8Array(message));
    } catch (err) {
      // One malformed message must not take the room down for everyone else.
      console.error(`bad sync message in ${this.room.name}`, err);
    }
  }

  async webSocketClose(ws: CfWebSocket, code: number): Promise<void> {
    await this.ready;
    this.leave(ws);
    closeInReply(ws, code);
  }

  async webSocketError(ws: CfWebSocket): Promise<void> {
    await this.ready;
    this.leave(ws);
  }

  /**
   * While agents are connected here: keeps a quiet room's sockets alive (Room.keepAlive), checks
   * their access again, and beats routing's presence (their sockets keep them online) when due.
   */
  async alarm(): Promise<void> {
    await this.ready;
    if (!this.room || this.peers.size === 0) return;
    this.room.keepAlive();
    await this.recheckSockets();
    const now = this.core.now();
    if (now >= this.presenceDueAt) this.presenceDueAt = (await this.core.router.presence.runDue(now)) ?? Number.POSITIVE_INFINITY;
    if (this.peers.size > 0) await this.state.storage.setAlarm(Math.min(now + this.core.sockets.options.recheckMs, this.presenceDueAt));
  }

  /** The socket guard's decision for every socket here: closed (4401, 4403) or narrowed. */
  private async recheckSockets(): Promise<void> {
    const open = [...this.peers.keys()].map((ws) => ({ ws, grant: ws.deserializeAttachment() as SocketGrant }));
    const checked = open.filter((o) => o.grant.sessionTokenHash);
    // Sockets of a deploy before grants named their session: reconnecting gets them a new grant.
    for (const { ws } of open.filter((o) => !o.grant.sessionTokenHash)) this.closeSocket(ws, 1012, "Please reconnect");
    const verdicts = await recheckAccess(this.core, checked.map(({ grant }) => ({ room: grant.room, sessionTokenHash: grant.sessionTokenHash! })));
    checked.forEach(({ ws, grant }, i) => {
      const verdict = verdicts[i]!;
      const peer = this.peers.get(ws);
      if (!peer) return; // left meanwhile
      if (!verdict.ok) return this.closeSocket(ws, verdict.code, verdict.reason);
      peer.user = verdict.user;
      this.room.setWritable(peer, verdict.writable);
      ws.serializeAttachment({ ...grant, user: verdict.user, writable: verdict.writable } satisfies SocketGrant);
    });
  }

  private closeSocket(ws: CfWebSocket, code: number, reason: string): void {
    this.leave(ws);
    try {
      ws.close(code, reason);
    } catch {
      // already closed
    }
  }

  /** Builds the board from the record again (a board room's team changed); changes meanwhile make one more. */
  private rebuildBoard(): Promise<void> {
    if (this.boardRebuild) {
      this.boardAgain = true;
      return this.boardRebuild;
    }
    const ref = parseRoomName(this.room.name);
    if (ref?.kind !== "board") return Promise.resolve();
    this.boardStale = false;
    this.boardRebuild = (async () => {
      do {
        this.boardAgain = false;
        await this.core.boards.hydrate(ref.id, this.room.doc);
      } while (this.boardAgain);
    })()
      .catch((err: unknown) => {
        // Built again before the next watcher joins, or at the team's next change.
        this.boardStale = true;
        console.error(`could not rebuild the board of team ${ref.id}`, err);
      })
      .finally(() => (this.boardRebuild = null));
    return this.boardRebuild;
  }

  /**
   * After hibernation or eviction this object is built again: the room comes back from storage
   * and the sockets that stayed open are attached to it again.
   */
  private async wake(): Promise<void> {
    const sockets = this.state.getWebSockets();
    if (sockets.length === 0) return;
    await this.load((sockets[0]!.deserializeAttachment() as SocketGrant).room);
    for (const ws of sockets) {
      const grant = ws.deserializeAttachment() as SocketGrant;
      this.attach(ws, grant);
      if (grant.user) this.core.router.presence.connected(grant.user.id);
    }
  }

  private async load(name: string): Promise<void> {
    this.core = await this.ownCore();
    const room = new Room(name);
    // Its outdated-state timer would keep the object awake; peers' states leave with their sockets.
    clearInterval((room.awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
    const kept = roomIsStored(name);
    const stored = kept ? await this.storage.load() : null;
    if (!kept) {
      // A board is rebuilt from the record below (hydrateRoom); nothing of it is stored.
    } else if (stored) Y.applyUpdate(room.doc, stored, "load");
    else {
      // A room this object has never held (or whose storage is gone): libSQL has its copy.
      const rows = await this.core.db.select({ update: docUpdates.update }).from(docUpdates).where(eq(docUpdates.room, name)).orderBy(asc(docUpdates.id));
      if (rows.length > 0) {
        const merged = Y.mergeUpdates(rows.map((r) => r.update));
        Y.applyUpdate(room.doc, merged, "load");
        await this.storage.append(merged);
      }
    }
    if (kept) {
      room.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== "load") this.persist(name, update);
      });
    }
    // A board is built from the record here; a change told meanwhile marks it stale again.
    this.boardStale = false;
    await hydrateRoom(this.core, room);
    this.room = room;
  }

  /**
   * Stores the room as its current state alone, here and in libSQL (data-rights/ erasure): what
   * the document overwrote or deleted is gone from both logs.
   */
  private async rewriteStored(name: string): Promise<void> {
    if (!roomIsStored(name)) return;
    const state = Y.encodeStateAsUpdate(this.room.doc);
    await this.storage.replace(state);
    await this.core.writer.write([
      this.core.db.delete(docUpdates).where(eq(docUpdates.room, name)),
      this.core.db.insert(docUpdates).values({ room: name, update: state }),
    ]);
  }

  /** The room's record was deleted (retention): sockets close (4404), both logs are deleted, the document goes. */
  private async drop(name: string): Promise<void> {
    for (const ws of [...this.peers.keys()]) this.closeSocket(ws, CLOSE_NOT_FOUND, "This conversation was deleted");
    await this.storage.replace(null);
    await this.core.writer.write([this.core.db.delete(docUpdates).where(eq(docUpdates.room, name))]);
    this.room.doc.destroy();
    // The next request loads the room afresh (from nothing: its record is gone).
    this.room = undefined as unknown as Room;
  }

  private persist(name: string, update: Uint8Array): void {
    // An update applied from the record (`/ops`: a committed change's outcome) goes out without
    // waiting for this object's storage write (the runtime's output gate held the frame ~2–10 ms,
    // the largest part of the path after the libSQL commit; see docs/DEPLOY-NOTES.md). Nothing is
    // lost if the object dies first: libSQL has the change, and a room that loads writes the
    // record's state into the document again (hydrateRoom). Updates from sockets (an agent's
    // note, draft, labels) still wait: their only other copy is the sender's.
    const stored = this.storage.append(update, this.applyingRecord);
    const write = this.core.writer.write([this.core.db.insert(docUpdates).values({ room: name, update })]).catch((err) => {
      console.error(`could not write an update of room ${name} through to libSQL`, err);
    });
    this.state.waitUntil(write);
    if (this.trace) {
      void this.trace.time("put", () => stored);
      void this.trace.time("libsql", () => write);
    }
  }

  private accept(grant: SocketGrant): Response {
    const held = [...this.peers.keys()].filter((ws) => (ws.deserializeAttachment() as SocketGrant).sessionTokenHash === grant.sessionTokenHash).length;
    if (grant.sessionTokenHash && held >= this.core.sockets.options.socketsPerSessionInRoom) {
      const refused = tooManySockets();
      return Response.json({ error: { code: refused.code, message: refused.message } }, { status: refused.status });
    }
    const pair = newWebSocketPair();
    const server = pair[1];
    this.state.acceptWebSocket(server);
    server.serializeAttachment(grant);
    this.attach(server, grant);
    if (grant.user) {
      this.core.router.presence.connected(grant.user.id);
      void this.armAlarm();
    }
    return upgradeResponse(pair[0]);
  }

  private attach(ws: CfWebSocket, grant: SocketGrant): void {
    const peer: Peer = {
      send: (data) => ws.send(data),
      close: (code, reason) => ws.close(code, reason),
      user: grant.user ?? undefined,
    };
    this.peers.set(ws, peer);
    this.room.addPeer(peer, grant.writable);
  }

  private leave(ws: CfWebSocket): void {
    const peer = this.peers.get(ws);
    if (!peer) return;
    this.peers.delete(ws);
    this.room.removePeer(peer);
    if (peer.user) this.core.router.presence.disconnected(peer.user.id);
  }

  private async armAlarm(): Promise<void> {
    if ((await this.state.storage.getAlarm()) === null) {
      await this.state.storage.setAlarm(this.core.now() + this.core.sockets.options.recheckMs);
    }
  }
}
