import type { UpgradeWebSocket } from "hono/ws";
import type { Core } from "../core.ts";
import type { Peer } from "../rooms/peer.ts";
import type { Room } from "../rooms/room.ts";
import { socketBytes } from "../http/websocket.ts";
import { MAX_SYNC_MESSAGE_BYTES, type RoomSocketGateway } from "../sync/index.ts";
import type { GuardedSocket } from "../sync/index.ts";

/**
 * Node's live rooms: the socket joins this process's RoomRegistry. The route has authorised the
 * user for the room already; the socket guard checks again while it is open (and closes it at
 * sign-out), and holds each session to its number of sockets.
 */
export function nodeRoomSockets(core: Core, upgradeWebSocket: UpgradeWebSocket): RoomSocketGateway {
  return {
    handle(c, { room: name, writable, user, sessionTokenHash }) {
      core.sockets.admit(sessionTokenHash);
      let room: Room | null = null;
      let peer: Peer | null = null;
      let guarded: GuardedSocket | null = null;
      // Messages that arrive while the room loads are applied in order once it is ready.
      const early: Uint8Array[] = [];
      let closed = false;
      /** Counted in presence (and so to be taken out of it on close). */
      let online = false;
      return upgradeWebSocket(c, {
        onOpen(_evt, ws) {
          peer = {
            send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
            close: (code, reason) => ws.close(code, reason),
            user,
          };
          const open = peer;
          guarded = {
            room: name,
            sessionTokenHash,
            update(current, canWrite) {
              open.user = current;
              writable = canWrite;
              room?.setWritable(open, canWrite);
            },
            close: (code, reason) => ws.close(code, reason),
          };
          if (!core.sockets.add(guarded)) return;
          // A live socket keeps its user online for routing (presence.ts stamps the record).
          core.router.presence.connected(user.id);
          online = true;
          core.rooms
            .open(name)
            .then((r) => {
              if (closed) return core.rooms.release(name);
              room = r;
              r.addPeer(open, writable);
              for (const data of early.splice(0)) r.receive(open, data);
            })
            .catch((err) => {
              console.error(`could not open room ${name}`, err);
              ws.close(1011, "Could not load this document");
            });
        },
        onMessage(evt, ws) {
          const data = socketBytes(evt.data);
          if (!data || closed) return;
          // The transport refuses larger frames already (node/socket-transport.ts); kept for any other.
          if (data.byteLength > MAX_SYNC_MESSAGE_BYTES) {
            ws.close(1009, "Change too large");
            return;
          }
          if (!room) {
            early.push(data);
            return;
          }
          try {
            room.receive(peer!, data);
          } catch (err) {
            // One malformed message must not take the room down for everyone else.
            console.error(`bad sync message in ${name}`, err);
          }
        },
        onClose() {
          if (online) core.router.presence.disconnected(user.id);
          online = false;
          closed = true;
          if (guarded) core.sockets.remove(guarded);
          if (room && peer) {
            room.removePeer(peer);
            core.rooms.release(name);
          }
        },
      });
    },
  };
}
