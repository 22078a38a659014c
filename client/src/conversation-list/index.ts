/**
 * The conversation list (the left region): search, saved views, tabs, filters and the windowed
 * list, rendered from the device's copy; its slice keeps every cached conversation in memory and
 * opens the team rooms that keep it live.
 */
export { ConversationList } from "./ConversationList.tsx";
export { createConversationsSlice, preloadListParts, type ConversationsSlice } from "./conversations.ts";
