/**
 * Similar conversations when the server is out of reach: the same ranking as the server's
 * (shared/domain/similar.ts), over the resolved conversations and messages this device holds.
 */
import { canSeeConversation, type Conversation, type Message, type MessageContent, type User } from "@inbox/shared";
import type { SimilarConversation } from "@inbox/shared/api/insights";
import { buildSimilarIndex, documentText, excerpt, rankSimilar } from "@inbox/shared/domain/similar";
import Dexie from "dexie";
import type { LocalDb } from "../local/db.ts";

/** Resolved chats read from the device, newest first: enough history, and quick on a phone. */
export const DEVICE_MAX_RESOLVED = 500;

type Viewer = Pick<User, "id" | "role" | "permissions" | "teamIds">;

/** Ranks the held chats (pure: the tests hand it rows). */
export function rankHeld(
  held: readonly Pick<Conversation, "id" | "status" | "teamId" | "assigneeId" | "contactName" | "channel" | "lastActivityAt">[],
  messagesOf: ReadonlyMap<string, readonly Pick<Message, "senderKind" | "content" | "position">[]>,
  opts: { openId: string; query: string; viewer: Viewer | null; limit: number },
): SimilarConversation[] {
  const candidates = held.filter((c) => c.status === "resolved" && c.id !== opts.openId && (!opts.viewer || canSeeConversation(opts.viewer, c)));
  const texts = new Map(candidates.map((c) => [c.id, documentText(said(messagesOf.get(c.id) ?? []))]));
  const index = buildSimilarIndex([...texts].map(([id, text]) => ({ id, text })));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return rankSimilar(index, opts.query, { exclude: opts.openId, limit: opts.limit }).flatMap(({ id, score }) => {
    const c = byId.get(id);
    if (!c) return [];
    const lastAgent = said(messagesOf.get(id) ?? []).filter((m) => m.senderKind === "agent").at(-1);
    return [
      {
        id,
        contactName: c.contactName,
        channel: c.channel,
        lastActivityAt: c.lastActivityAt,
        problem: excerpt(texts.get(id) ?? ""),
        answer: lastAgent ? excerpt(lastAgent.text) : null,
        score,
      },
    ];
  });
}

type Held = Pick<Message, "senderKind" | "content" | "position">;

/** A message's words as plain text: its text, or a picture's caption; nothing for the rest. */
export function plainText(content: MessageContent): string {
  if ("text" in content) return content.text;
  if ("caption" in content && content.caption) return content.caption;
  return "";
}

/** Messages in arrival order, as the shared ranking reads them. */
export function said(ms: readonly Held[]): { senderKind: string; text: string }[] {
  return [...ms].sort((a, b) => a.position - b.position).map((m) => ({ senderKind: m.senderKind, text: plainText(m.content) }));
}

/** Reads the device's resolved chats and their messages, then ranks them. */
export async function rankOnDevice(db: LocalDb, opts: { openId: string; query: string; viewer: Viewer | null; limit: number }): Promise<SimilarConversation[]> {
  if (opts.query.trim() === "") return [];
  const held = await db.conversations
    .where("[status+lastActivityAt]")
    .between(["resolved", Dexie.minKey], ["resolved", Dexie.maxKey])
    .reverse()
    .limit(DEVICE_MAX_RESOLVED)
    .toArray();
  if (held.length === 0) return [];
  const rows = await db.messages
    .where("[conversationId+position]")
    .inAnyRange(held.map((c) => [[c.id, Dexie.minKey], [c.id, Dexie.maxKey]]))
    .toArray();
  const messagesOf = new Map<string, Message[]>();
  for (const m of rows) {
    const list = messagesOf.get(m.conversationId);
    if (list) list.push(m);
    else messagesOf.set(m.conversationId, [m]);
  }
  return rankHeld(held, messagesOf, opts);
}
