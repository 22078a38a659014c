import { and, asc, eq, exists, inArray, isNull, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Contact } from "@inbox/shared";
import { visibleConversationsSql } from "../security/conversation-access.ts";
import type { Reads } from "../db/record.ts";
import { contacts, conversations } from "../db/schema.ts";
import type { SessionUser } from "../http/app-env.ts";
import { loadContacts } from "../db/read-model.ts";

/** `%` and `_` typed by the agent are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Contacts whose name, email or phone contains the text, among those the caller may see
 * (one of their conversations is in the caller's teams). Merged contacts are left out.
 */
export async function searchContacts(core: Reads, user: SessionUser, q: string, limit: number): Promise<Contact[]> {
  const pattern = likePattern(q);
  const digits = q.replace(/\D/g, "");
  const like = (column: SQLWrapper) => sql`lower(${column}) LIKE ${pattern} ESCAPE '\\'`;
  const matches = or(
    like(contacts.name),
    like(contacts.email),
    like(contacts.phone),
    // "+55 11 9876" finds "5511987654321": phones compare by their digits too.
    ...(digits.length >= 3 ? [sql`replace(replace(replace(replace(${contacts.phone}, ' ', ''), '-', ''), '+', ''), '(', '') LIKE ${`%${digits}%`}`] : []),
  );
  const visibleConversation = core.db
    .select({ one: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.contactId, contacts.id),
        visibleConversationsSql(user),
      ),
    );
  const rows = await core.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, user.workspaceId), isNull(contacts.mergedIntoId), matches, exists(visibleConversation)))
    .orderBy(asc(contacts.name))
    .limit(limit);
  const found = await loadContacts(core.db, rows.map((r) => r.id));
  const order = new Map(rows.map((r, i) => [r.id, i]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
