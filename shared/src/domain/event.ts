import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";

/**
 * Every state change is also an event row, so reports are queries over events.
 * String constants, not a TS enum: they are stored and must stay readable in SQL.
 */
export const EVENT_TYPES = [
  "contact.created",
  "contact.updated",
  "contact.merged",
  "conversation.ticket_linked",
  "conversation.ticket_unlinked",
  "conversation.created",
  "conversation.assigned",
  "conversation.status_changed",
  "conversation.priority_changed",
  "conversation.labels_changed",
  "conversation.read",
  "conversation.picked_up",
  "conversation.woke",
  "message.received",
  "message.queued",
  "message.sent",
  "message.delivered",
  "message.read",
  "message.failed",
  /** A send was under way when the server stopped and cannot be confirmed or safely repeated. */
  "message.unconfirmed",
  "message.retried",
  "note.added",
  "note.edited",
  "note.deleted",
  "note.mentioned",
  "notification.read",
  // Web Push (issue 16): a device subscribed or unsubscribed, or its push service said it is gone (data: subscriptionId, reason).
  "push.subscribed",
  "push.unsubscribed",
  "canned_response.saved",
  "canned_response.deleted",
  "article.saved",
  "article.deleted",
  "user.signed_in",
  "user.signed_out",
  "user.sign_in_failed",
  "user.availability_changed",
  "user.preferences_changed",
  "user.invited",
  "user.joined",
  "user.changed",
  "user.deactivated",
  "user.reactivated",
  "team.changed",
  /** Custom roles (issue 13): data {roleId, name}. */
  "role.created",
  "role.changed",
  "role.deleted",
  "view.saved",
  "view.renamed",
  "view.deleted",
  /** Supervision (issue 12): moved to another team, hands raised and lowered, supervisors joining and whispering. */
  "conversation.transferred",
  "conversation.hand_raised",
  "conversation.hand_lowered",
  "supervisor.joined",
  "supervisor.whispered",
  /** SLAs (domain/sla.ts): data {target, cycleStart, dueAt, policyId}; once per target and cycle. */
  "sla.at_risk",
  "sla.breached",
  /** Workspace settings: business hours (data: the calendar), SLA policies (data: policy or id). */
  "workspace.business_hours_changed",
  "sla.policy_saved",
  "sla.policy_deleted",
  /** Data rights (issue 13): a customer erased (data: counts, never content), a retention run (counts), the policy changed. */
  "contact.erased",
  "retention.ran",
  "workspace.retention_changed",
  /** A routing rule fired on a customer message (issue 13): data {ruleId, name, actions, routing?, names}. */
  "routing.rule_fired",
  /** CSAT (issue 14, domain/csat.ts): the question sent on resolving, data {messageId, inboxId, agentId (the assignee then, or null), language (en, pt-BR, es)}. */
  "csat.requested",
  /** The customer's answer, data {rating (1..5), comment (string or null), messageId, requestMessageId, inboxId, agentId (from the request)}. */
  "csat.rated",
  /** WhatsApp templates (issue 16): a sync of an inbox's templates, data {inboxId, count, added, removed}; a template's status changed (sync or Meta's webhook), data {inboxId, name, language, from, to, reason}. */
  "template.synced",
  "template.status_changed",
  /** A web chat reply emailed to the visitor, who had left their address and no widget open (issue 16), data {messageId}. */
  "message.emailed",
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

export const ActorKindSchema = z.enum(["customer", "agent", "bot", "system"]);

export const DomainEventSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  type: EventTypeSchema,
  conversationId: IdSchema.nullable(),
  actorKind: ActorKindSchema,
  actorId: IdSchema.nullable(),
  data: z.record(z.string(), z.unknown()),
  at: TimestampSchema,
});
export type DomainEvent = z.infer<typeof DomainEventSchema>;
