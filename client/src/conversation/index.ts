/**
 * The open conversation (the centre region): its header and commands (assign, resolve, status,
 * priority, snooze), the timeline with delivery states, and the composer below; the selection
 * slice holds which conversation is open and everything shown about it.
 */
export { ChatWindow, preloadOpenChat } from "./ChatWindow.tsx";
export { createSelectionSlice, type SelectionSlice } from "./selection.ts";
export { StatusBadge } from "./StatusBadge.tsx";
export { snoozeOptions, type SnoozeChoice } from "./snooze-times.ts";
