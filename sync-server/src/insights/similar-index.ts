import { and, desc, eq, sql } from "drizzle-orm";
import { buildSimilarIndex, type SimilarIndex } from "@inbox/shared/domain/similar";
import type { Reads } from "../db/record.ts";
import { conversations, messages } from "../db/schema.ts";
import { TtlCache } from "../lib/ttl-cache.ts";

/**
 * How much history is ranked: the workspace's most recent resolved conversations. Bounded so a
 * workspace with years of chats builds its index in well under a second and holds a few MB
 * (each document is at most `DOC_MAX_CHARS` of what the customer wrote); older answers matter
 * less, and retention removes them anyway.
 */
export const MAX_RESOLVED = 5_000;
const DOC_MAX_CHARS = 4_000;
/**
 * An index per workspace lives in memory and is rebuilt lazily, at most once per `INDEX_TTL_MS`:
 * a chat resolved a moment ago joins the ranking within minutes, which is soon enough for
 * "how did we answer this before", and no write path pays for indexing. On Workers the core is
 * built per request, so a request asking for similar chats builds the index (well under a
 * second for the 5,000 chats kept; a known cost of the edge build).
 */
export const INDEX_TTL_MS = 5 * 60_000;

export interface IndexedConversation {
  teamId: string;
  assigneeId: string | null;
  /** The customer's words, as indexed. */
  text: string;
}

export interface WorkspaceIndex {
  index: SimilarIndex;
  docs: ReadonlyMap<string, IndexedConversation>;
}

/** The customer messages of a workspace's recent resolved conversations, one document each. */
export async function loadResolvedDocs(core: Reads, workspaceId: string, max = MAX_RESOLVED): Promise<Map<string, IndexedConversation>> {
  const recent = core.db
    .select({ id: conversations.id, teamId: conversations.teamId, assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, "resolved")))
    .orderBy(desc(conversations.lastActivityAt))
    .limit(max)
    .as("recent");
  const rows = await core.db
    .select({
      id: recent.id,
      teamId: recent.teamId,
      assigneeId: recent.assigneeId,
      // Word order does not matter to the ranking, so SQLite's concatenation order is fine.
      text: sql<string>`substr(group_concat(${messages.text}, char(10)), 1, ${DOC_MAX_CHARS})`,
    })
    .from(recent)
    .innerJoin(messages, and(eq(messages.conversationId, recent.id), eq(messages.senderKind, "customer")))
    .groupBy(recent.id, recent.teamId, recent.assigneeId);
  return new Map(rows.map((r) => [r.id, { teamId: r.teamId, assigneeId: r.assigneeId, text: r.text ?? "" }]));
}

/**
 * Each workspace's index, built on first use and again once it has expired. Only built indexes
 * are kept, never a build under way: in workerd a promise created by one request and awaited by
 * another can hang once the first request has ended, so two requests arriving during a first
 * build each build (a fraction of a second, once per TTL) rather than share it.
 */
export class SimilarIndexes {
  private readonly cache: TtlCache<WorkspaceIndex>;

  constructor(
    private readonly core: Reads,
    opts: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.cache = new TtlCache(opts.ttlMs ?? INDEX_TTL_MS, 1_000, opts.now);
  }

  async of(workspaceId: string): Promise<WorkspaceIndex> {
    const hit = this.cache.get(workspaceId);
    if (hit) return hit;
    const built = await this.build(workspaceId);
    this.cache.set(workspaceId, built);
    return built;
  }

  /** Forgets a workspace's index (tests; a future "resolved" hook). */
  drop(workspaceId: string): void {
    this.cache.delete(workspaceId);
  }

  private async build(workspaceId: string): Promise<WorkspaceIndex> {
    const docs = await loadResolvedDocs(this.core, workspaceId);
    const index = buildSimilarIndex([...docs].map(([id, d]) => ({ id, text: d.text })));
    return { index, docs };
  }
}
