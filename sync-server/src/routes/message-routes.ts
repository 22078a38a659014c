import { and, desc, eq, lt, or } from "drizzle-orm";
import { MessagePageQuerySchema, MessagePageResponseSchema, RetryResponseSchema, parsePageCursor } from "@inbox/shared/api/chat";
import type { Core } from "../core.ts";
import { messages } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { conversationForUser } from "../services/access.ts";
import { toMessage } from "../services/read-model.ts";
import { retryFailedMessage } from "../services/retry.ts";

/** The chat window's history pages and the retry of a failed reply. */
export function registerMessageRoutes(api: ApiRegistry, core: Core): void {
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
      const before = query.before ? parsePageCursor(query.before) : null;
      const where = before
        ? and(
            eq(messages.conversationId, row.id),
            or(lt(messages.createdAt, before.createdAt), and(eq(messages.createdAt, before.createdAt), lt(messages.id, before.id))),
          )
        : eq(messages.conversationId, row.id);
      // One more than asked says whether an older page exists.
      const rows = await core.db
        .select()
        .from(messages)
        .where(where)
        .orderBy(desc(messages.createdAt), desc(messages.id))
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
