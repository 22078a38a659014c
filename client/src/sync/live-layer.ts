/** The live layer's chunk (see live.ts): everything that opens a Yjs room or document. */
export { createConversationRoom } from "./conversation-room.ts";
export { createPresenceSlice } from "./presence.ts";
export { openRoom } from "./room.ts";
export { createTeamRooms } from "./team-rooms.ts";
export { createWorkDocs } from "./work-docs.ts";
export { createYMapDerived, createYMapValues } from "./y-map-accessor.ts";
/** Schemas of values the rooms carry ride here, so the inbox's first load carries no classic zod (issue 17). */
export { NoteSchema } from "@inbox/shared";
export { NotificationSchema } from "@inbox/shared/api/content";
