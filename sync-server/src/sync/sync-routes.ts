import type { Hono } from "hono";
import type { Reads } from "../db/record.ts";
import type { AppEnv } from "../http/app-env.ts";
import { refused } from "../http/http-error.ts";
import { refuseUntilEnrolled } from "../http/two-factor-gate.ts";
import { authorizeRoom } from "./room-access.ts";
import { requireWebSocketUpgrade } from "../http/websocket.ts";
import type { RoomSocketGateway } from "./socket-gateway.ts";
import { requireOwnOrigin } from "./socket-origin.ts";

/**
 * Yjs sync and awareness in the y-websocket protocol at `/sync/<room>`. Who may join which room
 * is decided here, before the runtime's gateway upgrades, so a refused socket never opens; the
 * socket guard decides the same way again every few seconds while it is open.
 */
export function registerSyncRoutes(app: Hono<AppEnv>, core: Reads, sockets: RoomSocketGateway): void {
  app.get("/sync/:room", async (c) => {
    const user = c.get("user");
    if (!user) throw refused(401, "unauthenticated", "sign_in_required");
    refuseUntilEnrolled(user);
    requireOwnOrigin(c);
    const { writable } = await authorizeRoom(core, user, c.req.param("room"));
    requireWebSocketUpgrade(c);
    return sockets.handle(c, {
      room: c.req.param("room"),
      writable,
      user: { id: user.id, name: user.name, role: user.role, permissions: user.permissions },
      sessionTokenHash: user.sessionTokenHash,
    });
  });
}
