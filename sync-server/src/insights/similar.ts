import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { canSeeConversation, ChannelTypeSchema } from "@inbox/shared";
import type { SimilarConversation, SimilarConversationsResponse } from "@inbox/shared/api/insights";
import { excerpt, queryFromMessages, QUERY_MESSAGES, rankSimilar } from "@inbox/shared/domain/similar";
import type { Reads } from "../db/record.ts";
import { conversations, messages } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { conversationForUser, visibleConversationsSql } from "../security/conversation-access.ts";
import type { SimilarIndexes } from "./similar-index.ts";

/** Candidates taken from the ranking before the record confirms who may see them. */
const CANDIDATES_PER_RESULT = 4;

/**
 * Resolved conversations like `conversationId`, best first, each with how it was answered.
 * The target is checked like every conversation route (404 / 403); results are first filtered
 * by the index's copy of team and assignee, then confirmed against the record with the one
 * visibility rule in SQL, so a chat moved to another team since the index was built is not shown.
 */
export async function similarConversations(
  core: Reads,
  indexes: SimilarIndexes,
  user: SessionUser,
  conversationId: string,
  limit: number,
): Promise<SimilarConversationsResponse> {
  await conversationForUser(core, user, conversationId);
  const latest = await core.db
    .select({ senderKind: messages.senderKind, text: messages.text })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.senderKind, "customer")))
    .orderBy(desc(messages.position))
    .limit(QUERY_MESSAGES);
  const query = queryFromMessages(latest.reverse());
  const { index, docs } = await indexes.of(user.workspaceId);
  const ranked = rankSimilar(index, query, {
    exclude: conversationId,
    limit: limit * CANDIDATES_PER_RESULT,
    accept: (id) => {
      const doc = docs.get(id);
      return doc !== undefined && canSeeConversation(user, doc);
    },
  });
  if (ranked.length === 0) return { similar: [], searched: docs.size };

  // The agent's last reply before the chat was resolved (bots' CSAT questions are not answers).
  // The outer column is named in full: drizzle writes a one-table select's columns bare.
  const answer = sql<string | null>`(select m.text from ${messages} m where m.conversation_id = "conversations"."id" and m.sender_kind = 'agent' order by m.position desc limit 1)`;
  const rows = await core.db
    .select({
      id: conversations.id,
      contactName: conversations.contactName,
      channel: conversations.channel,
      lastActivityAt: conversations.lastActivityAt,
      answer,
    })
    .from(conversations)
    .where(
      and(
        inArray(
          conversations.id,
          ranked.map((r) => r.id),
        ),
        eq(conversations.status, "resolved"),
        visibleConversationsSql(user),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const similar: SimilarConversation[] = [];
  for (const r of ranked) {
    const row = byId.get(r.id);
    const channel = ChannelTypeSchema.safeParse(row?.channel);
    if (!row || !channel.success) continue;
    similar.push({
      id: row.id,
      contactName: row.contactName,
      channel: channel.data,
      lastActivityAt: row.lastActivityAt,
      problem: excerpt(docs.get(r.id)?.text ?? ""),
      answer: row.answer ? excerpt(row.answer) : null,
      score: r.score,
    });
    if (similar.length === limit) break;
  }
  return { similar, searched: docs.size };
}
