import { CommandsRequestSchema, CommandsResponseSchema, SyncPullQuerySchema, SyncPullResponseSchema } from "@inbox/shared";
import { applyCommands, type CommandsDeps } from "../conversations/index.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestOrigin } from "../http/audit-actor.ts";
import { parseCursor, pullChanges } from "./sync-pull.ts";

/** The offline client's two calls: catch up from a cursor, and replay what it did. */
export function registerSyncPullRoutes(api: ApiRegistry, core: CommandsDeps): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/sync/pull",
      summary: "Changes the caller may see after a cursor, in pages (no cursor: the whole working set)",
      tag: "sync",
      access: "user",
      query: SyncPullQuerySchema,
      response: SyncPullResponseSchema,
    },
    async ({ user, query }) => pullChanges(core, user, parseCursor(query.cursor), query.limit),
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/commands",
      summary: "Apply the caller's commands in order, each clientId exactly once",
      tag: "sync",
      access: "user",
      body: CommandsRequestSchema,
      response: CommandsResponseSchema,
      bodyLimit: 1024 * 1024,
    },
    async ({ c, user, body }) => ({ results: await applyCommands(core, user, body.commands, requestOrigin(c)) }),
  );
}
