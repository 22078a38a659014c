import { and, desc, eq, lt } from "drizzle-orm";
import { MessagePageQuerySchema, MessagePageResponseSchema, RetryResponseSchema, parsePageCursor } from "@inbox/shared/api/chat";
import { retryFailedMessage, type RetryDeps } from "./retry.ts";
import { messages } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { toMessage } from "../db/read-model.ts";
import { refused } from "../http/http-error.ts";

/** The chat window's history pages and the retry of a failed reply. */
export function registerMessageRoutes(api: ApiRegistry, core: RetryDeps): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/conversations/:id/messages",
      summary: "Older messages, page by page: those before the cursor, oldest first",
      tag: "conversations",
      access: "user",
      query: MessagePageQuerySchema,
      response: MessagePageResponseSchema,
    },
    async ({ user, params, query }) => {
      const row = await conversationForUser(core, user, params.id!);
      const before = query.before ? await positionOf(core, row.id, parsePageCursor(query.before)) : null;
      const where = before !== null ? and(eq(messages.conversationId, row.id), lt(messages.position, before)) : eq(messages.conversationId, row.id);
      // One more than asked says whether an older page exists.
      const rows = await core.db
        .select()
        .from(messages)
        .where(where)
        .orderBy(desc(messages.position))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit).reverse().map(toMessage);
      return { messages: page, hasMore: rows.length > query.limit };
    },
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/messages/:id/retry",
      summary: "Send a failed reply again (repeating it changes nothing once it is queued)",
      tag: "conversations",
      access: "user",
      response: RetryResponseSchema,
    },
    async ({ user, params }) => retryFailedMessage(core, user, params.id!),
  );
}

/** The page cursor's position; an earlier app's cursor names a message of this conversation instead. */
async function positionOf(core: RetryDeps, conversationId: string, cursor: { position: number } | { id: string }): Promise<number> {
  if ("position" in cursor) return cursor.position;
  const [hit] = await core.db
    .select({ position: messages.position })
    .from(messages)
    .where(and(eq(messages.id, cursor.id), eq(messages.conversationId, conversationId)));
  if (!hit) throw refused(400, "bad_request", "page_position_invalid");
  return hit.position;
}
