import { InboxListResponseSchema, UserListResponseSchema, canSeeTeam } from "@inbox/shared";
import { eq } from "drizzle-orm";
import type { Reads } from "../db/record.ts";
import { inboxes } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { listUsers, toInbox } from "../db/read-model.ts";

export function registerDirectoryRoutes(api: ApiRegistry, core: Reads): void {
  api.userRoute(
    { method: "get", path: "/api/inboxes", summary: "Connected channels the caller's teams work", tag: "inboxes", access: "user", response: InboxListResponseSchema },
    async ({ user }) => {
      const rows = await core.db.select().from(inboxes).where(eq(inboxes.workspaceId, user.workspaceId));
      return { inboxes: rows.filter((r) => canSeeTeam(user, r.teamId)).map(toInbox) };
    },
  );

  api.userRoute(
    { method: "get", path: "/api/users", summary: "People in the workspace (for assignment and mentions)", tag: "users", access: "user", response: UserListResponseSchema },
    async ({ user }) => ({ users: await listUsers(core.db, user.workspaceId) }),
  );
}
