import type { ChannelsDeps, MetaAppMember } from "../channels/index.ts";
import { auditInsert } from "../db/event-rows.ts";
import { AuditThrottle } from "./audit-throttle.ts";

/** One entry of a per-app delivery that no inbox took, without its content. */
export interface UnroutedEntry {
  object: string;
  accountId: string | null;
  reason: string;
}

/** The same unknown account is recorded at most hourly: Meta sends one delivery per message. */
const throttle = new AuditThrottle(60 * 60 * 1000);

/**
 * Entries of a Meta app's delivery that no inbox took (a Page or number of the app not connected
 * here, or connected without its App ID or with another app secret): logged, and written to the
 * audit log of each workspace of `verified` (`webhook.unrouted`, ids only), so an admin can see which account to connect or disconnect. Only workspaces whose
 * inboxes hold the secret the delivery was signed with are told: typing an App ID into an inbox
 * must not show another workspace's Page ids and traffic. Never the entries' content.
 */
export async function recordUnrouted(core: Pick<ChannelsDeps, "db" | "writer" | "now">, appId: string, verified: readonly MetaAppMember[], entries: readonly UnroutedEntry[]): Promise<void> {
  const at = core.now();
  const fresh = entries.filter((e) => throttle.pass(`${appId}:${e.object}:${e.accountId ?? ""}`, at));
  if (fresh.length === 0) return;
  const data = { appId, entries: fresh.map((e) => ({ object: e.object, accountId: e.accountId, reason: e.reason })) };
  console.warn("Meta app webhook: entries for no inbox were skipped", JSON.stringify(data));
  const workspaces = [...new Set(verified.map((m) => m.inbox.workspaceId))];
  await core.writer.write(workspaces.map((workspaceId) => auditInsert(core, { workspaceId, actorId: null, actorName: "Meta", action: "webhook.unrouted", target: appId, data, at })));
}
