import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { canSeeTeam, parseRoomName } from "@inbox/shared";
import type { Core } from "../core.ts";
import { teams } from "../db/schema.ts";
import type { AppEnv } from "../http/app-env.ts";
import { HttpError, forbidden, notFound } from "../http/http-error.ts";
import { conversationForUser } from "../services/access.ts";
import { requireWebSocketUpgrade, type RoomSocketGateway } from "../sync/socket-gateway.ts";

/**
 * Yjs sync and awareness in the y-websocket protocol at `/sync/<room>`. Who may join which room
 * is decided here, before the runtime's gateway upgrades, so a refused socket never opens.
 */
export function registerSyncRoutes(app: Hono<AppEnv>, core: Core, sockets: RoomSocketGateway): void {
  app.get("/sync/:room", async (c) => {
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
    requireWebSocketUpgrade(c);
    return sockets.handle(c, { room: name, writable: ref.kind === "work", user: { id: user.id, name: user.name } });
  });
}
