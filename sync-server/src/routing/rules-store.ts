import { and, asc, eq, sql } from "drizzle-orm";
import { newId } from "@inbox/shared";
import type { RoutingRule, RoutingRuleInput } from "@inbox/shared/domain/routing-rules";
import type { Writes } from "../db/record.ts";
import { auditInsert } from "../db/event-rows.ts";
import { routingRules } from "../db/schema.ts";
import type { ActorFields } from "../http/audit-actor.ts";
import type { SessionUser } from "../http/app-env.ts";
import { notFound, refused } from "../http/http-error.ts";
import type { RuleBook } from "./rules-book.ts";
import { refuseUnknownReferences } from "./rules-references.ts";
import { toRule, type RuleRow } from "./rules-rows.ts";

/** What administering rules needs: the record, and the book whose copy a change makes stale. */
export interface RulesAdminDeps extends Writes {
  rules: Pick<RuleBook, "changed">;
}

type Admin = Pick<SessionUser, "workspaceId">;

/** Every rule of the workspace, in evaluation order. */
export async function listRules(core: Writes, workspaceId: string): Promise<RoutingRule[]> {
  const rows = await core.db.select().from(routingRules).where(eq(routingRules.workspaceId, workspaceId)).orderBy(asc(routingRules.position), asc(routingRules.id));
  return rows.flatMap((r) => toRule(r) ?? []);
}

/** A new rule goes last: it cannot change what the rules above it already do. */
export async function createRule(core: RulesAdminDeps, user: Admin, actor: ActorFields, input: RoutingRuleInput): Promise<RoutingRule> {
  await refuseUnknownReferences(core, user.workspaceId, input);
  return changing(core, user, async (at) => {
    const [last] = await core.db
      .select({ position: sql<number>`coalesce(max(${routingRules.position}), -1)` })
      .from(routingRules)
      .where(eq(routingRules.workspaceId, user.workspaceId));
    const row: RuleRow = { id: newId(), workspaceId: user.workspaceId, position: Number(last?.position ?? -1) + 1, ...input, createdAt: at, updatedAt: at };
    await core.writer.write([
      core.db.insert(routingRules).values(row),
      auditInsert(core, { workspaceId: user.workspaceId, ...actor, action: "routing_rule.created", target: row.id, data: { after: summary(row) }, at }),
    ]);
    return toRule(row)!;
  });
}

export async function updateRule(core: RulesAdminDeps, user: Admin, actor: ActorFields, id: string, input: RoutingRuleInput): Promise<RoutingRule> {
  await refuseUnknownReferences(core, user.workspaceId, input);
  return changing(core, user, async (at) => {
    const before = await find(core, user, id);
    const after: RuleRow = { ...before, ...input, updatedAt: at };
    await core.writer.write([
      core.db.update(routingRules).set({ ...input, updatedAt: at }).where(eq(routingRules.id, id)),
      auditInsert(core, { workspaceId: user.workspaceId, ...actor, action: "routing_rule.updated", target: id, data: { before: summary(before), after: summary(after) }, at }),
    ]);
    return toRule(after)!;
  });
}

export async function setRuleEnabled(core: RulesAdminDeps, user: Admin, actor: ActorFields, id: string, enabled: boolean): Promise<RoutingRule> {
  return changing(core, user, async (at) => {
    const before = await find(core, user, id);
    const after: RuleRow = { ...before, enabled, updatedAt: at };
    if (before.enabled !== enabled) {
      await core.writer.write([
        core.db.update(routingRules).set({ enabled, updatedAt: at }).where(eq(routingRules.id, id)),
        auditInsert(core, {
          workspaceId: user.workspaceId,
          ...actor,
          action: enabled ? "routing_rule.enabled" : "routing_rule.disabled",
          target: id,
          data: { name: before.name, before: { enabled: before.enabled }, after: { enabled } },
          at,
        }),
      ]);
    }
    return toRule(after)!;
  });
}

export async function deleteRule(core: RulesAdminDeps, user: Admin, actor: ActorFields, id: string): Promise<void> {
  await changing(core, user, async (at) => {
    const before = await find(core, user, id);
    await core.writer.write([
      core.db.delete(routingRules).where(eq(routingRules.id, id)),
      auditInsert(core, { workspaceId: user.workspaceId, ...actor, action: "routing_rule.deleted", target: id, data: { before: summary(before) }, at }),
    ]);
  });
}

/** The whole new order: every rule of the workspace once, or a refusal that says to reload. */
export async function reorderRules(core: RulesAdminDeps, user: Admin, actor: ActorFields, ids: string[]): Promise<RoutingRule[]> {
  return changing(core, user, async (at) => {
    const current = await listRules(core, user.workspaceId);
    const known = new Set(current.map((r) => r.id));
    if (ids.length !== current.length || ids.some((id) => !known.has(id))) {
      throw refused(409, "conflict", "rules_changed");
    }
    const name = new Map(current.map((r) => [r.id, r.name]));
    if (ids.every((id, i) => current[i]!.id === id)) return current;
    await core.writer.write([
      ...ids.map((id, position) => core.db.update(routingRules).set({ position, updatedAt: at }).where(and(eq(routingRules.id, id), eq(routingRules.workspaceId, user.workspaceId)))),
      auditInsert(core, {
        workspaceId: user.workspaceId,
        ...actor,
        action: "routing_rule.reordered",
        target: null,
        data: { before: current.map((r) => r.name), after: ids.map((id) => name.get(id)) },
        at,
      }),
    ]);
    return listRules(core, user.workspaceId);
  });
}

/** One change at a time per workspace (positions are read, then written), and the book told after. */
async function changing<T>(core: RulesAdminDeps, user: Admin, work: (at: number) => Promise<T>): Promise<T> {
  try {
    return await core.locks.run(`routing-rules:${user.workspaceId}`, () => work(core.now()));
  } finally {
    core.rules.changed(user.workspaceId);
  }
}

async function find(core: Writes, user: Admin, id: string): Promise<RuleRow> {
  const [row] = await core.db.select().from(routingRules).where(and(eq(routingRules.id, id), eq(routingRules.workspaceId, user.workspaceId)));
  if (!row) throw notFound("routing_rule");
  return row;
}

/** A rule as the audit log keeps it (before / after). */
function summary(r: RuleRow) {
  return { name: r.name, enabled: r.enabled, position: r.position, triggers: r.triggers, conditions: r.conditions, actions: r.actions };
}
