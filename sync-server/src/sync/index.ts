// Sync: who may join which room, the room sockets and their re-checks, room hydration, the offline
// pull and the command endpoint.
// The capability's public surface: other modules import this file, never its insides.
export { hydrateRoom } from "./hydrate-room.ts";
export { MAX_SYNC_MESSAGE_BYTES, type RoomSocketGateway, type RoomSocketRequest } from "./socket-gateway.ts";
export { DEFAULT_SOCKET_GUARD, SocketGuard, recheckAccess, tooManySockets, type GuardedSocket, type SocketGuardOptions } from "./socket-guard.ts";
export { registerSyncPullRoutes } from "./sync-pull-routes.ts";
export { registerSyncRoutes } from "./sync-routes.ts";
