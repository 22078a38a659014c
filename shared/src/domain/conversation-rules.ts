import type { Conversation } from "./conversation.ts";

/* No zod here: the PWA orders and filters its first screen without loading the schemas (issue 17). */

export const CONVERSATION_STATUSES = ["open", "pending", "snoozed", "resolved"] as const;
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;

export const LIST_FILTERS = ["mine", "unassigned", "all"] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The list's filters as one pure function, shared by client (live list) and server (REST). */
export function matchesFilter(
  c: Pick<Conversation, "assigneeId" | "status">,
  filter: ListFilter,
  userId: string,
): boolean {
  if (filter === "mine") return c.assigneeId === userId;
  if (filter === "unassigned") return c.assigneeId === null && c.status !== "resolved";
  return true;
}

/** Newest activity first; ties broken by id so every client orders the list the same way. */
export function byLastActivity(a: Conversation, b: Conversation): number {
  return b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
