import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { docUpdates } from "../db/schema.ts";
import type { Core } from "../core.ts";
import { hydrateRoom } from "../sync/hydrate-room.ts";
import type { Peer } from "../sync/peer.ts";
import { MAX_SYNC_MESSAGE_BYTES } from "../sync/socket-gateway.ts";
import { applyRoomOp, type RoomOp } from "../sync/room-ops.ts";
import { Room } from "../sync/room.ts";
import type { CfWebSocket, DurableObjectState } from "./cf-types.ts";
import { closeInReply, newWebSocketPair, upgradeResponse } from "./cf-types.ts";
import type { Env } from "./env.ts";
import { RoomStorage } from "./room-storage.ts";
import { ROOM_HEADER, readSocketGrant, type SocketGrant } from "./internal.ts";
import { ownCoreOf } from "./worker-core.ts";

/**
 * One live Yjs room (`idFromName(<room name>)`): the pure `Room` with its sockets accepted
 * through the WebSocket Hibernation API, so an idle room costs nothing. Every update is
 * appended to this object's storage first (the room is rebuilt from it on wake) and written
 * through to libSQL `doc_updates`. Only the Worker reaches this object, after it authorised
 * the socket; the object trusts the grant the Worker passes and nothing the client sends.
 */
export class RoomObject {
  private readonly storage: RoomStorage;
  private core!: Core;
  private room!: Room;
  private readonly peers = new Map<CfWebSocket, Peer>();
  private readonly ready: Promise<void>;

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
    const name = this.nameFrom(request);
    if (!this.room) await this.load(name);
    const url = new URL(request.url);
    if (url.pathname === "/ops" && request.method === "POST") {
      const ops = (await request.json()) as RoomOp[];
      for (const op of ops) applyRoomOp(this.room.doc, op);
      return new Response(null, { status: 204 });
    }
    if (url.pathname === "/socket") {
      const grant = readSocketGrant(request);
      if (!grant) return new Response("bad grant", { status: 400 });
      return this.accept(grant);
    }
    return new Response("not found", { status: 404 });
  }

  async webSocketMessage(ws: CfWebSocket, message: string | ArrayBuffer): Promise<void> {
    await this.ready;
    const peer = this.peers.get(ws);
    if (!peer || typeof message === "string") return;
    if (message.byteLength > MAX_SYNC_MESSAGE_BYTES) {
      ws.close(1009, "Change too large");
      return;
    }
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

  /** Runs the presence heartbeat while agents are connected here (their sockets keep them online). */
  async alarm(): Promise<void> {
    await this.ready;
    if (!this.room || this.peers.size === 0) return;
    const next = await this.core.router.presence.runDue(this.core.now());
    if (next !== null) await this.state.storage.setAlarm(next);
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
    const stored = await this.storage.load();
    if (stored) Y.applyUpdate(room.doc, stored, "load");
    else {
      // A room this object has never held (or whose storage is gone): libSQL has its copy.
      const rows = await this.core.db.select({ update: docUpdates.update }).from(docUpdates).where(eq(docUpdates.room, name)).orderBy(asc(docUpdates.id));
      if (rows.length > 0) {
        const merged = Y.mergeUpdates(rows.map((r) => r.update));
        Y.applyUpdate(room.doc, merged, "load");
        await this.storage.append(merged);
      }
    }
    room.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "load") this.persist(name, update);
    });
    await hydrateRoom(this.core, room);
    this.room = room;
  }

  private persist(name: string, update: Uint8Array): void {
    void this.storage.append(update);
    const write = this.core.writer.write([this.core.db.insert(docUpdates).values({ room: name, update })]).catch((err) => {
      console.error(`could not write an update of room ${name} through to libSQL`, err);
    });
    this.state.waitUntil(write);
  }

  private accept(grant: SocketGrant): Response {
    const pair = newWebSocketPair();
    const server = pair[1];
    this.state.acceptWebSocket(server);
    server.serializeAttachment(grant);
    this.attach(server, grant);
    if (grant.user) {
      this.core.router.presence.connected(grant.user.id);
      void this.armHeartbeat();
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

  private async armHeartbeat(): Promise<void> {
    if ((await this.state.storage.getAlarm()) === null) {
      await this.state.storage.setAlarm(this.core.now() + this.core.router.presence.options.heartbeatMs);
    }
  }
}
