import { eq, sql } from "drizzle-orm";
import type { AdminInbox } from "@inbox/shared";
import { inboxes } from "../db/schema.ts";
import { auditInsert } from "../db/event-rows.ts";
import { getInboxRow } from "../db/read-model.ts";
import { refused } from "../http/http-error.ts";
import type { SessionUser } from "../http/app-env.ts";
import { auditActor, type RequestOrigin } from "../http/audit-actor.ts";
import { adminView, ownInbox, type AdminInboxDeps } from "./admin-inboxes.ts";
import { connectorFor } from "./channel-access.ts";
import { HUMAN_AGENT_SETTING, humanAgentTagOf } from "./human-agent.ts";

/** An admin turns the human-agent tag on or off for one inbox (audited). */
export async function setHumanAgentTag(core: AdminInboxDeps, admin: SessionUser, id: string, enabled: boolean, from: RequestOrigin | null): Promise<AdminInbox> {
  const row = await ownInbox(core, admin, id);
  if (connectorFor(core, row.channel)?.capabilities.humanAgentWindowHours == null) {
    throw refused(400, "validation_failed", "human_agent_tag_unavailable");
  }
  const before = humanAgentTagOf(row.settings);
  if (before !== enabled) {
    await core.writer.write([
      core.db
        .update(inboxes)
        // json_set, not a rewrite of the whole object: other settings edited meanwhile survive.
        .set({ settings: sql`json_set(${inboxes.settings}, ${`$.${HUMAN_AGENT_SETTING}`}, json(${enabled ? "true" : "false"}))` })
        .where(eq(inboxes.id, id)),
      auditInsert(core, {
        workspaceId: row.workspaceId,
        ...auditActor(admin, from),
        action: "inbox.human_agent_changed",
        target: id,
        data: { from: before, to: enabled },
        at: core.now(),
      }),
    ]);
    core.caches.inboxes.delete(id);
  }
  return adminView(core, (await getInboxRow(core.db, id))!);
}
