import type { SlaPolicy } from "@inbox/shared";
import type { ConversationRow } from "../db/read-model.ts";
import { supervisorsOf, tellPeople, type NotificationsDeps } from "../notifications/index.ts";
import type { SlaAlert } from "./sla-record.ts";

/**
 * Tells people a chat is at risk of breaching its SLA or has breached it: the supervisors of its
 * team (who can reassign or join) and its assignee (who can answer). Written after the alert's
 * event committed; the key (conversation, target, cycle, kind) keeps a notification from being
 * stored twice for the same alert, whichever instance recorded it.
 */
export async function notifySlaAlerts(core: NotificationsDeps, row: ConversationRow, policy: Pick<SlaPolicy, "id" | "name">, alerts: readonly SlaAlert[]): Promise<void> {
  if (!alerts.length) return;
  const supervisors = await supervisorsOf(core, row);
  for (const a of alerts) {
    await tellPeople(core, row, {
      kind: a.kind === "at_risk" ? "sla_at_risk" : "sla_breached",
      userIds: [...supervisors, row.assigneeId],
      // Nobody did this: the policy speaks (its id never matches a person, so nobody is left out).
      actor: { id: policy.id, name: policy.name },
      excerpt: a.target,
      key: `sla:${row.id}:${a.target}:${a.cycleStart}:${a.kind}`,
    });
  }
}
