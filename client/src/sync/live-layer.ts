/** The live layer's chunk (see live.ts): everything that opens a Yjs room or document. */
export { createConversationRoom } from "./conversation-room.ts";
export { createPresenceSlice } from "./presence.ts";
export { openRoom } from "./room.ts";
export { createTeamRooms } from "./team-rooms.ts";
export { createWorkDocs } from "./work-docs.ts";
export { createYMapDerived, createYMapValues } from "./y-map-accessor.ts";
