import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import { canSeeTeam, parseRoomName } from "@inbox/shared";
import type { Core } from "../core.ts";
import { teams } from "../db/schema.ts";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError, forbidden, notFound } from "../http/http-error.ts";
import { conversationForUser } from "../services/access.ts";
import type { Peer } from "../sync/peer.ts";
import type { Room } from "../sync/room.ts";

/**
 * Yjs sync and awareness in the y-websocket protocol at `/sync/<room>`. Who may join which room
 * is decided before the upgrade, so a refused socket never opens.
 */
export function registerSyncRoutes(app: Hono<AppEnv>, core: Core, upgradeWebSocket: UpgradeWebSocket): void {
  app.get(
    "/sync/:room",
    async (c, next) => {
      const user = c.get("user");
      if (!user) throw new HttpError(401, "unauthenticated", "Please sign in to continue.");
      const name = c.req.param("room");
      const ref = parseRoomName(name);
      if (!ref) throw notFound("That document");
      if (ref.kind === "team") {
        // Supervisors see every team of their own workspace, not of others (presence is relayed here too).
        const team = await core.db.query.teams.findFirst({ where: eq(teams.id, ref.id) });
        if (!team || team.workspaceId !== user.workspaceId) throw notFound("That team");
        if (!canSeeTeam(user, ref.id)) throw forbidden("You are not in this team.");
      } else if (ref.kind === "user") {
        if (ref.id !== user.id) throw forbidden("These are someone else's notifications.");
      } else {
        await conversationForUser(core, user, ref.id);
      }
      // Team and conversation rooms are server-authored (clients change them through commands);
      // a conversation's work room is edited together by everyone who may see the conversation.
      c.set("room", { name, writable: ref.kind === "work" });
      await next();
    },
    upgradeWebSocket((c) => {
      const { name, writable } = c.get("room");
      const user = c.get("user")!;
      let room: Room | null = null;
      let peer: Peer | null = null;
      // Messages that arrive while the room loads are applied in order once it is ready.
      const early: Uint8Array[] = [];
      let closed = false;
      return {
        onOpen(_evt, ws) {
          peer = {
            send: (data) => ws.send(data as Uint8Array<ArrayBuffer>),
            close: (code, reason) => ws.close(code, reason),
            user: { id: user.id, name: user.name },
          };
          core.rooms
            .open(name)
            .then((r) => {
              if (closed) return core.rooms.release(name);
              room = r;
              r.addPeer(peer!, writable);
              for (const data of early.splice(0)) r.receive(peer!, data);
            })
            .catch((err) => {
              console.error(`could not open room ${name}`, err);
              ws.close(1011, "Could not load this document");
            });
        },
        onMessage(evt, ws) {
          const data = toBytes(evt.data);
          if (!data) return;
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
          closed = true;
          if (room && peer) {
            room.removePeer(peer);
            core.rooms.release(name);
          }
        },
      };
    }),
  );
}

/** A single sync message larger than this is refused: no legitimate edit comes close. */
const MAX_SYNC_MESSAGE_BYTES = 2 * 1024 * 1024;

function toBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}
