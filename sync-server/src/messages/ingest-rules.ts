import { eq } from "drizzle-orm";
import { messageLanguage } from "../routing/index.ts";
import type { BatchItem } from "drizzle-orm/batch";
import { roomName, type Message, type Priority } from "@inbox/shared";
import { evaluateRules, runsOn, type FiredRule, type RuleEffects } from "@inbox/shared/domain/rule-evaluator";
import type { Writes } from "../db/record.ts";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import { contacts, conversations, messages, users } from "../db/schema.ts";
import { toMessage, type ConversationRow, type InboxRow } from "../db/read-model.ts";
import { ruleStatements, type RuleBook } from "../routing/index.ts";
import { autoReply } from "./auto-reply.ts";

/** What applying routing rules to an incoming message needs. */
export interface RulesIngestDeps extends Writes {
  rules: Pick<RuleBook, "current">;
  live: LiveRooms;
  /** An automatic reply is handed to the outbox at once. */
  outbox: { kick(): unknown };
}

/** What the rules that fired on one message will change, ready to commit with it. */
export interface RulePlan {
  statements: BatchItem<"sqlite">[];
  fired: FiredRule[];
  effects: RuleEffects;
  reply: Message | null;
  /** An existing conversation's team before the rules (its team room loses it if they move it). */
  fromTeamId: string | null;
}

interface Target {
  inbox: InboxRow;
  contactId: string;
  contactName: string;
  conversationId: string;
  /** A conversation this message starts: changed in place before it is inserted. */
  fresh: ConversationRow | null;
  text: string;
  at: number;
}

/**
 * Evaluates the workspace's routing rules on a customer message before it is committed (under
 * the contact's lock, so a conversation's messages are judged in order). Returns null, at the
 * cost of one look at the in-memory rule book, when no rule runs or none fires.
 */
export async function planRules(core: RulesIngestDeps, t: Target): Promise<RulePlan | null> {
  const set = await core.rules.current(t.inbox.workspaceId);
  const trigger = t.fresh ? "conversation_created" : "customer_message";
  if (!set.rules.some((r) => runsOn(r, trigger))) return null;
  const before = t.fresh ?? (await core.db.query.conversations.findFirst({ where: eq(conversations.id, t.conversationId) }));
  if (!before) return null;
  const [contact] = await core.db.select({ vip: contacts.vip, company: contacts.company, email: contacts.email }).from(contacts).where(eq(contacts.id, t.contactId));
  const outcome = evaluateRules(set.rules, {
    trigger,
    channel: t.inbox.channel as never,
    inboxId: t.inbox.id,
    text: t.text,
    contact: { vip: contact?.vip ?? false, company: contact?.company ?? null, language: messageLanguage(t.text) },
    teamId: before.teamId,
    priority: before.priority as Priority,
    labels: before.labels,
    at: t.at,
    calendar: set.calendar,
  });
  if (outcome.fired.length === 0) return null;
  const { effects } = outcome;
  // A team archived since the rule was written takes no chats: the rest of the rule still applies.
  if (effects.teamId !== undefined && !set.activeTeams.has(effects.teamId)) delete effects.teamId;

  const names: Record<string, string> = Object.fromEntries(set.activeTeams);
  if (effects.routing?.kind === "assign") {
    const [person] = await core.db.select({ name: users.name }).from(users).where(eq(users.id, effects.routing.userId));
    if (person) names[effects.routing.userId] = person.name;
  }
  const reply = effects.cannedId
    ? await autoReply(core, { inbox: t.inbox, conversationId: t.conversationId, contactName: t.contactName, contactEmail: contact?.email ?? null, at: t.at }, effects.cannedId)
    : null;
  if (reply && effects.cannedId) names[effects.cannedId] = `/${reply.shortcut}`;

  if (t.fresh) {
    if (effects.teamId !== undefined) t.fresh.teamId = effects.teamId;
    if (effects.priority !== undefined) t.fresh.priority = effects.priority;
    t.fresh.labels = [...t.fresh.labels, ...effects.labels].sort();
  }
  const statements = [
    ...ruleStatements(core, {
      workspaceId: t.inbox.workspaceId,
      conversationId: t.conversationId,
      at: t.at,
      fired: outcome.fired,
      effects,
      existingTeamId: t.fresh ? null : before.teamId,
      names,
      ...(reply ? { replyMessageId: reply.message.id } : {}),
    }),
    ...(reply?.statements ?? []),
  ];
  return { statements, fired: outcome.fired, effects, reply: reply ? toMessage(reply.message) : null, fromTeamId: t.fresh ? null : before.teamId };
}

/**
 * After the message and its rules committed: the conversation as it is now (the rules changed
 * it after the batch's own update), the automatic reply with its place in the timeline, the
 * team room it left, the labels in its work room (the labels' truth on devices, which the
 * server otherwise only mirrors), and the outbox woken for the reply.
 */
export async function afterRules(core: RulesIngestDeps, plan: RulePlan, conversationId: string): Promise<{ conversation: ConversationRow | undefined; reply: Message | null }> {
  const conversation = await core.db.query.conversations.findFirst({ where: eq(conversations.id, conversationId) });
  let reply = plan.reply;
  if (reply) {
    const [stored] = await core.db.select({ position: messages.position }).from(messages).where(eq(messages.id, reply.id));
    reply = { ...reply, position: stored?.position ?? 0 };
    core.outbox.kick();
  }
  if (conversation && plan.fromTeamId !== null && conversation.teamId !== plan.fromTeamId) {
    core.live.apply(roomName({ kind: "team", id: plan.fromTeamId }), [{ kind: "team.conversation.removed", id: conversationId }]);
  }
  if (plan.effects.labels.length) core.live.apply(roomName({ kind: "work", id: conversationId }), [{ kind: "work.labels", labels: plan.effects.labels }]);
  return { conversation, reply };
}
