/**
 * Status and priority in the UI's language, for the list's filter choices and chips and the
 * timeline's history lines.
 */
import type { ConversationStatus, Priority } from "@inbox/shared";
import { defineMessages } from "../i18n/define-messages.ts";

const t = defineMessages(
  {
    statusOpen: "Open",
    statusPending: "Pending",
    statusSnoozed: "Snoozed",
    statusResolved: "Resolved",
    priorityUrgent: "Urgent",
    priorityHigh: "High",
    priorityNormal: "Normal",
    priorityLow: "Low",
  },
  {
    statusOpen: "Aberta",
    statusPending: "Pendente",
    statusSnoozed: "Adiada",
    statusResolved: "Resolvida",
    priorityUrgent: "Urgente",
    priorityHigh: "Alta",
    priorityNormal: "Normal",
    priorityLow: "Baixa",
  },
);

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
