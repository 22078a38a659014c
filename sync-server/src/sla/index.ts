// SLAs: the clock of each conversation from the record (policy, workspace calendar, events).
// The capability's public surface: other modules import this file, never its insides.
// Not yet wired into the core (see the issue 12 SLA report): refreshing on commits, the at-risk /
// breach job and the settings routes come next.
export { conversationHistory, readSla, refreshSla, workspaceCalendar, workspacePolicies, type SlaReading } from "./sla-record.ts";
