import { eq } from "drizzle-orm";
import { PreferencesRequestSchema, PreferencesResponseSchema } from "@inbox/shared/api/preferences";
import type { Writes } from "../db/record.ts";
import { users } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { notFound } from "../http/http-error.ts";
import { eventInsert } from "../db/event-rows.ts";
import { loadUser } from "../db/read-model.ts";

/** The user's own preferences (the UI language), kept with the user so every device follows. */
export function registerPreferencesRoutes(api: ApiRegistry, core: Writes): void {
  api.userRoute(
    {
      method: "put",
      path: "/api/me/preferences",
      summary: "Change your own preferences, e.g. the language of the app",
      tag: "me",
      access: "user",
      body: PreferencesRequestSchema,
      response: PreferencesResponseSchema,
    },
    async ({ user, body }) => {
      const changed = body.locale !== undefined && body.locale !== user.locale ? { locale: body.locale } : null;
      if (changed) {
        await core.writer.write([
          eventInsert(core, {
            workspaceId: user.workspaceId,
            type: "user.preferences_changed",
            actorKind: "agent",
            actorId: user.id,
            data: { from: { locale: user.locale }, to: changed },
            at: core.now(),
          }),
          core.db.update(users).set(changed).where(eq(users.id, user.id)),
        ]);
      }
      const fresh = await loadUser(core.db, user.id);
      if (!fresh) throw notFound("account");
      const { passwordHash: _, ...publicUser } = fresh;
      return { user: publicUser };
    },
  );
}
