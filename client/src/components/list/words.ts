/** Status and priority in the UI's language, for filter choices and chips. */
import type { ConversationStatus, Priority } from "@inbox/shared";
import { t } from "./messages.ts";

const STATUS: Record<ConversationStatus, Parameters<typeof t>[0]> = {
  open: "statusOpen",
  pending: "statusPending",
  snoozed: "statusSnoozed",
  resolved: "statusResolved",
};
const PRIORITY: Record<Priority, Parameters<typeof t>[0]> = {
  urgent: "priorityUrgent",
  high: "priorityHigh",
  normal: "priorityNormal",
  low: "priorityLow",
};

export const statusWord = (s: ConversationStatus) => t(STATUS[s]);
export const priorityWord = (p: Priority) => t(PRIORITY[p]);
