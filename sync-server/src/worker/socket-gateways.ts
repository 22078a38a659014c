import type { RoomSocketGateway, RoomSocketRequest } from "../sync/index.ts";
import type { WidgetSocketGateway } from "../widget/index.ts";
import type { Visitor } from "../widget/index.ts";
import { upgradeResponse, type DurableObjectNamespace } from "./cf-types.ts";
import { visitorObjectName } from "./durable-live-rooms.ts";
import { socketRequest, type SocketGrant } from "./internal.ts";
import type { VisitorGrant } from "./visitor-object.ts";

/** `/sync/<room>` on Workers: the authorised upgrade goes to the room's Durable Object. */
export function durableRoomSockets(rooms: DurableObjectNamespace): RoomSocketGateway {
  return {
    handle(c, request: RoomSocketRequest) {
      const grant: SocketGrant = { room: request.room, writable: request.writable, user: request.user, sessionTokenHash: request.sessionTokenHash };
      return reopen(rooms.get(rooms.idFromName(request.room)).fetch(socketRequest(c.req.raw, request.room, grant)));
    },
  };
}

/** The widget's live socket on Workers: the authorised upgrade goes to the visitor's Durable Object. */
export function durableWidgetSockets(visitors: DurableObjectNamespace): WidgetSocketGateway {
  return {
    handle(c, visitor: Visitor) {
      const name = visitorObjectName(visitor.visitorId);
      const grant: VisitorGrant = { contactId: visitor.contactId, visitorId: visitor.visitorId, sessionHash: visitor.sessionHash, name: visitor.name, inboxId: visitor.inbox.id };
      return reopen(visitors.get(visitors.idFromName(name)).fetch(socketRequest(c.req.raw, name, grant)));
    },
  };
}

/** The object's answer with headers the app's middleware may still set (a fetched response's are immutable). */
async function reopen(answer: Promise<Response>): Promise<Response> {
  const res = await answer;
  const webSocket = (res as Response & { webSocket?: WebSocket | null }).webSocket;
  if (!webSocket) return new Response(res.body, { status: res.status, headers: res.headers });
  return upgradeResponse(webSocket);
}
