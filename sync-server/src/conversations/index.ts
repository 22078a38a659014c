// Conversations: the list and detail, status and snooze (and the snooze waker), priority, assignment,
// read marks, the offline command replay, and the work room (notes, labels, shared draft).
// The capability's public surface: other modules import this file, never its insides.
export { applyCommands, type CommandsDeps } from "./commands.ts";
export { assignConversation, setConversationStatus } from "./conversation-commands.ts";
export { registerConversationRoutes } from "./conversation-routes.ts";
export { SnoozeWaker } from "./snooze-waker.ts";
export { watchWorkRoom, type WorkRoomDeps } from "./work-room.ts";
