import type { ChannelsDeps } from "../channels/index.ts";
import { auditInsert } from "../db/event-rows.ts";
import { AuditThrottle } from "./audit-throttle.ts";
import type { ContestedClaim } from "./meta-app-routing.ts";

/** The same set of claimants is recorded at most hourly: Meta sends one delivery per message. */
const throttle = new AuditThrottle(60 * 60 * 1000);

/**
 * Accounts that verified inboxes of several workspaces hold (meta-app-routing.ts), in the audit
 * log of every workspace involved (`webhook.contested`, ids only, never the content): the one
 * that connected the account first is told it receives it while another workspace claims it too,
 * the others that it goes elsewhere and what to do. Each workspace sees only its own inbox ids;
 * the other workspaces stay unnamed. A new claimant records again at once.
 */
export async function recordContested(core: Pick<ChannelsDeps, "db" | "writer" | "now">, appId: string, object: string, claims: readonly ContestedClaim[]): Promise<void> {
  const at = core.now();
  const rows = [];
  for (const claim of claims) {
    const inboxIds = claim.holders.map((h) => h.inboxId).sort();
    if (!throttle.pass(`${appId}:${object}:${claim.accountId}:${inboxIds.join(",")}`, at)) continue;
    const workspaces = [...new Set(claim.holders.map((h) => h.workspaceId))];
    for (const workspaceId of workspaces) {
      const delivered = workspaceId === claim.deliveredTo;
      const reason = delivered
        ? `This ${claim.channel} id is also connected, with the same app secret, in another workspace. Its messages are delivered here, where it was connected first, and not there.`
        : `This ${claim.channel} id was connected first, with the same app secret, in another workspace: its messages are delivered there, and none here. Disconnect it here, or ask whoever connected it there to disconnect it.`;
      const own = claim.holders.filter((h) => h.workspaceId === workspaceId).map((h) => h.inboxId);
      const data = { appId, object, channel: claim.channel, accountId: claim.accountId, inboxIds: own, delivered, reason };
      rows.push(auditInsert(core, { workspaceId, actorId: null, actorName: "Meta", action: "webhook.contested", target: appId, data, at }));
    }
  }
  if (rows.length > 0) await core.writer.write(rows);
}
