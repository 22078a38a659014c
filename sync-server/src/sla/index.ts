// SLAs: each conversation's clock from the record (policy, workspace calendar, events), kept on
// the conversation (`Conversation.sla`) as changes commit, and the at-risk / breach job.
// The capability's public surface: other modules import this file, never its insides.
export { conversationHistory, readSla, refreshSla, workspaceCalendar, workspacePolicies, type SlaAlert, type SlaReading, type SlaRefresh } from "./sla-record.ts";
export { SlaKeeper, type SlaDeps } from "./sla-keeper.ts";
export { registerSlaRoutes } from "./sla-routes.ts";
