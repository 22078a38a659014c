import { and, asc, eq, isNull } from "drizzle-orm";
import { BusinessCalendarSchema, type BusinessCalendar } from "@inbox/shared";
import type { RoutingRule } from "@inbox/shared/domain/routing-rules";
import type { Reads } from "../db/record.ts";
import { routingRules, teams, workspaces } from "../db/schema.ts";
import { TtlCache } from "../lib/ttl-cache.ts";
import { toRule } from "./rules-rows.ts";

/** What evaluating a workspace's rules needs besides the message. */
export interface RuleSet {
  /** Enabled rules in order; empty for most workspaces, which then pay nothing more per message. */
  rules: RoutingRule[];
  calendar: BusinessCalendar | null;
  /** Teams a rule may still move chats to (archived teams take none), with their names for the history. */
  activeTeams: ReadonlyMap<string, string>;
}

const EMPTY: RuleSet = { rules: [], calendar: null, activeTeams: new Map() };

/** The rule sets held in memory, by workspace: plain values, so a Worker isolate shares one across its per-request cores. */
export function ruleSetCache(ttlMs = 5_000): TtlCache<RuleSet> {
  return new TtlCache(ttlMs, 10_000);
}

/**
 * The routing rules of each workspace, held in memory so a customer message costs no read of
 * them. A change made here drops its workspace's entry at once; another instance's (or another
 * Worker isolate's) change shows within the TTL.
 */
export class RuleBook {
  constructor(
    private readonly core: Reads,
    private readonly cache: TtlCache<RuleSet> = ruleSetCache(),
  ) {}

  async current(workspaceId: string): Promise<RuleSet> {
    return (await this.cache.getOrLoad(workspaceId, () => this.load(workspaceId))) ?? EMPTY;
  }

  /** The workspace's rules changed here: the next message reads them again. */
  changed(workspaceId: string): void {
    this.cache.delete(workspaceId);
  }

  private async load(workspaceId: string): Promise<RuleSet> {
    const rows = await this.core.db
      .select()
      .from(routingRules)
      .where(and(eq(routingRules.workspaceId, workspaceId), eq(routingRules.enabled, true)))
      .orderBy(asc(routingRules.position), asc(routingRules.id));
    const rules = rows.flatMap((r) => toRule(r) ?? []);
    if (rules.length === 0) return EMPTY;
    const [workspace] = await this.core.db.select({ calendar: workspaces.businessCalendar }).from(workspaces).where(eq(workspaces.id, workspaceId));
    const calendar = BusinessCalendarSchema.safeParse(workspace?.calendar);
    const active = await this.core.db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.workspaceId, workspaceId), isNull(teams.archivedAt)));
    return { rules, calendar: calendar.success ? calendar.data : null, activeTeams: new Map(active.map((t) => [t.id, t.name])) };
  }
}
