import { eq, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { newId } from "@inbox/shared";
import type { FiredRule, RuleEffects } from "@inbox/shared/domain/rule-evaluator";
import type { RuleAction } from "@inbox/shared/domain/routing-rules";
import type { Reads } from "../db/record.ts";
import { eventInsert } from "../db/event-rows.ts";
import { conversations } from "../db/schema.ts";

/**
 * What the rules that fired on one customer message change, as statements written in that
 * message's own transaction (messages/ingest-rules.ts): the message, its rules' effects and the
 * `routing.rule_fired` events commit together or not at all, and a repeated message (a webhook
 * delivered twice) fires nothing twice.
 *
 * `routing.rule_fired` data: { ruleId, name, actions (as the rule had them), names (id → name of
 * the teams, people and canned responses they name, as they were), routing?, replyMessageId? }.
 * `routing` ("skip", "round_robin", "least_loaded" or "assign") is what the router reads back
 * later (routing-conditions.ts `ruleRouting`): the latest rule that said how to route a chat
 * decides, also for the queue passes after this message.
 */
export interface FiredRules {
  workspaceId: string;
  conversationId: string;
  at: number;
  fired: FiredRule[];
  effects: RuleEffects;
  /** An existing conversation's team before the rules; null for a new one, whose row already carries team, priority and labels. */
  existingTeamId: string | null;
  /** Display names of what the actions name, kept in the events. */
  names: Record<string, string>;
  /** The automatic reply stored with the message (messages/auto-reply.ts). */
  replyMessageId?: string;
}

export function ruleStatements(core: Reads, r: FiredRules): BatchItem<"sqlite">[] {
  const out: BatchItem<"sqlite">[] = [];
  const lastReplying = r.replyMessageId ? r.fired.findLastIndex((f) => f.actions.some((a) => a.type === "send_canned")) : -1;
  r.fired.forEach((f, i) => {
    const routing = routingOf(f.actions);
    const names = Object.fromEntries(f.actions.flatMap((a) => referenced(a)).flatMap((id) => (r.names[id] ? [[id, r.names[id]]] : [])));
    out.push(
      eventInsert(core, {
        workspaceId: r.workspaceId,
        conversationId: r.conversationId,
        type: "routing.rule_fired",
        actorKind: "system",
        data: { ruleId: f.ruleId, name: f.name, actions: f.actions, names, ...(routing ? { routing } : {}), ...(i === lastReplying ? { replyMessageId: r.replyMessageId } : {}) },
        at: r.at,
      }),
    );
  });
  if (r.existingTeamId !== null) out.push(...changeExisting(core, r, r.existingTeamId));
  const routing = r.effects.routing;
  if (routing?.kind === "assign") out.push(...assign(core, r, routing.userId));
  return out;
}

/** An existing conversation: team, priority, labels. Moving team hands it back to the new team's queue, like a transfer. */
function changeExisting(core: Reads, r: FiredRules, fromTeam: string): BatchItem<"sqlite">[] {
  const { teamId, priority, labels } = r.effects;
  const moves = teamId !== undefined && teamId !== fromTeam;
  if (!moves && priority === undefined && labels.length === 0) return [];
  const rule = r.fired.findLast((f) => f.actions.some((a) => a.type === "set_team"))?.name ?? "";
  const out: BatchItem<"sqlite">[] = [];
  if (moves) {
    // Recorded first (it reads the assignee the update clears), so the assignment chain stays whole.
    out.push(
      core.db.run(sql`
        insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
        select ${newId()}, workspace_id, 'conversation.assigned', id, 'system', null,
               json_object('from', assignee_id, 'to', null, 'reason', 'rule', 'toTeam', ${teamId},
                           'why', ${`The rule “${rule}” moved the chat to ${r.names[teamId] ?? "another team"}.`}), ${r.at}
        from conversations where id = ${r.conversationId} and assignee_id is not null and team_id <> ${teamId}`),
    );
  }
  out.push(
    core.db
      .update(conversations)
      .set({
        ...(moves ? { teamId, assigneeId: null, offeredTo: null, offeredAt: null, offerExpiresAt: null, reroutedFrom: null } : {}),
        ...(priority !== undefined ? { priority } : {}),
        // Merged in the statement, so a label an agent added meanwhile is kept.
        ...(labels.length
          ? {
              labels: sql`(select json_group_array(value) from (select value from json_each(${conversations.labels}) union select value from json_each(${JSON.stringify(labels)}) order by value))`,
            }
          : {}),
      })
      .where(eq(conversations.id, r.conversationId)),
  );
  return out;
}

/**
 * Assigns the chat to the person a rule names, exactly once and only while it waits: the event
 * and the update test the same condition (still unassigned and open, the person active and
 * able to see the chat's team) in one transaction, like the router's offers.
 */
function assign(core: Reads, r: FiredRules, userId: string): BatchItem<"sqlite">[] {
  const rule = r.fired.findLast((f) => f.actions.some((a) => a.type === "assign_agent"))?.name ?? "";
  const guard: SQL = sql`id = ${r.conversationId} and assignee_id is null and status = 'open' and exists (
    select 1 from users u where u.id = ${userId} and u.workspace_id = conversations.workspace_id and u.deactivated_at is null
      and (u.role = 'admin' or exists (select 1 from team_members tm where tm.user_id = u.id and tm.team_id = conversations.team_id)))`;
  const data = { from: null, to: userId, reason: "rule", ruleId: r.fired.findLast((f) => f.actions.some((a) => a.type === "assign_agent"))?.ruleId, ruleName: rule, why: `The rule “${rule}” assigns it to ${r.names[userId] ?? "this person"}.` };
  return [
    core.db.run(sql`
      insert into events (id, workspace_id, type, conversation_id, actor_kind, actor_id, data, at)
      select ${newId()}, workspace_id, 'conversation.assigned', id, 'system', null, ${JSON.stringify(data)}, ${r.at}
      from conversations where ${guard}`),
    core.db.update(conversations).set({ assigneeId: userId }).where(guard),
  ];
}

/** The routing choice one rule makes, as its event records it for the router. */
function routingOf(actions: RuleAction[]): string | null {
  let routing: string | null = null;
  for (const a of actions) {
    if (a.type === "assign_agent") routing = "assign";
    else if (a.type === "route") routing = a.mode;
    else if (a.type === "skip_routing") routing = "skip";
  }
  return routing;
}

/** Ids of what an action names (for the names the event keeps). */
export function referenced(a: RuleAction): string[] {
  if (a.type === "set_team") return [a.teamId];
  if (a.type === "assign_agent") return [a.userId];
  if (a.type === "send_canned") return [a.cannedId];
  return [];
}
