import { eq, sql } from "drizzle-orm";
import {
  WIDGET_APPEARANCE_SETTING,
  WidgetAppearanceRequestSchema,
  WidgetAppearanceResponseSchema,
  accentContrast,
  textColorOn,
  widgetAppearanceOf,
  type WidgetAppearance,
} from "@inbox/shared";
import { refuseBadAvatar } from "../account/index.ts";
import type { Caches } from "../db/caches.ts";
import { auditInsert } from "../db/event-rows.ts";
import type { Writes } from "../db/record.ts";
import { inboxes } from "../db/schema.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { auditActor, requestOrigin } from "../http/audit-actor.ts";
import { notFound, refused } from "../http/http-error.ts";

export interface AppearanceDeps extends Writes {
  caches: Pick<Caches, "inboxes">;
}

/** What the audit log keeps of an appearance: everything but the picture's bytes. */
function audited(a: WidgetAppearance) {
  const { avatar, ...rest } = a;
  return { ...rest, avatar: avatar ? "set" : "none" };
}

/**
 * Settings → Channels, per web chat inbox: the widget's colour (its text colour follows by
 * contrast), greeting (one text, or per language), corner, picture and team name, and whether it
 * offers "leave a message" when closed or nobody is available. Served by the public `/config`.
 */
export function registerAppearanceRoutes(api: ApiRegistry, core: AppearanceDeps): void {
  api.userRoute(
    {
      method: "post",
      path: "/api/admin/inboxes/:id/widget",
      summary: "A web chat inbox's widget appearance: colour, greeting per language, position, picture, team name, leave-a-message form (audited)",
      tag: "admin",
      access: { permission: "manageChannels" },
      body: WidgetAppearanceRequestSchema,
      response: WidgetAppearanceResponseSchema,
      bodyLimit: 96 * 1024,
    },
    async ({ c, user, params, body }) => {
      const inbox = await core.db.query.inboxes.findFirst({ where: eq(inboxes.id, params.id!) });
      if (!inbox || inbox.workspaceId !== user.workspaceId) throw notFound("inbox");
      if (inbox.channel !== "webchat") throw refused(400, "validation_failed", "widget_webchat_only");
      if (body.avatar) refuseBadAvatar(body.avatar);
      const from = widgetAppearanceOf(inbox.settings);
      await core.writer.write([
        core.db
          .update(inboxes)
          // json_set, not a rewrite of the whole object: other settings edited meanwhile survive.
          .set({ settings: sql`json_set(${inboxes.settings}, ${`$.${WIDGET_APPEARANCE_SETTING}`}, ${JSON.stringify(body)})` })
          .where(eq(inboxes.id, inbox.id)),
        auditInsert(core, {
          workspaceId: user.workspaceId,
          ...auditActor(user, requestOrigin(c)),
          action: "inbox.widget_changed",
          target: inbox.id,
          data: { from: audited(from), to: { ...audited(body), avatarChanged: from.avatar !== body.avatar } },
          at: core.now(),
        }),
      ]);
      core.caches.inboxes.delete(inbox.id);
      return { inboxId: inbox.id, appearance: body, textColor: textColorOn(body.color), contrast: Math.round(accentContrast(body.color) * 100) / 100 };
    },
  );
}
