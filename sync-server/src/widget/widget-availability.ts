import { and, eq, gte, isNull, sql } from "drizzle-orm";
import { isBusinessTime, widgetAppearanceOf } from "@inbox/shared";
import type { Reads } from "../db/record.ts";
import { teamMembers, users } from "../db/schema.ts";
import type { InboxRow } from "../db/read-model.ts";
import { TtlCache } from "../lib/ttl-cache.ts";
import { workspaceCalendar } from "../sla/index.ts";

export type WidgetMode = { mode: "live"; offlineReason: null } | { mode: "leave_message"; offlineReason: "closed" | "nobody" };

export interface AvailabilityDeps extends Reads {
  now(): number;
  /** Routing's presence: an agent not seen within the grace is offline. */
  router: { presence: { options: { graceMs: number } } };
}

const LIVE: WidgetMode = { mode: "live", offlineReason: null };

/**
 * Whether a web chat inbox takes live chats now or offers "leave a message": only where its
 * appearance turns the form on, and then outside the workspace's business hours or when nobody
 * of the inbox's team is available (their own choice) and online (routing's presence). Answers
 * are kept a few seconds per inbox: the public config endpoint must not cost two queries a hit.
 */
export class WidgetAvailability {
  private readonly cache: TtlCache<WidgetMode>;

  constructor(
    private readonly core: AvailabilityDeps,
    ttlMs = 5_000,
  ) {
    this.cache = new TtlCache(ttlMs, 10_000, () => core.now());
  }

  async modeOf(inbox: InboxRow): Promise<WidgetMode> {
    if (!widgetAppearanceOf(inbox.settings).leaveMessage) return LIVE;
    const key = `${inbox.id}:${inbox.teamId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const mode = await this.compute(inbox);
    this.cache.set(key, mode);
    return mode;
  }

  private async compute(inbox: InboxRow): Promise<WidgetMode> {
    const now = this.core.now();
    const calendar = await workspaceCalendar(this.core, inbox.workspaceId);
    if (!isBusinessTime(calendar, now)) return { mode: "leave_message", offlineReason: "closed" };
    const since = now - this.core.router.presence.options.graceMs;
    const [row] = await this.core.db
      .select({ n: sql<number>`count(*)` })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, inbox.teamId), eq(users.availability, "available"), isNull(users.deactivatedAt), gte(users.lastSeenAt, since)));
    return Number(row?.n ?? 0) > 0 ? LIVE : { mode: "leave_message", offlineReason: "nobody" };
  }
}
