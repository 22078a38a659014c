/**
 * Bulk actions on picked conversations (the list and the supervision board's queue): the row
 * checkboxes and their ranges, the action bar and its assignee picker, and the summaries of the
 * answers. The commands go through the outbox one per conversation (sync/bulk-ledger.ts).
 */
export { BulkBar, preloadBulkBar } from "./BulkBarSlot.tsx";
export { BulkResults } from "./BulkResults.tsx";
export { createPicks, type PickState } from "./create-picks.ts";
export { PickAllBox, PickBox, pickKey } from "./PickBox.tsx";
export type { BulkTarget } from "../sync/bulk-ledger.ts";
