import { isMetaChannel, metaAccountId, type Credentials } from "@inbox/connectors";
import type { InboxRow } from "../db/read-model.ts";
import { refused } from "../http/http-error.ts";
import type { ChannelsDeps } from "./channel-access.ts";
import { metaAppIdFor, metaAppMembers } from "./meta-app.ts";
import { claimedBefore, rivalClaims, type AccountClaim } from "./meta-claims.ts";

/** The claim these credentials make for a Meta inbox of `workspaceId`, if they name an app, an account and a secret. */
function claimFor(workspaceId: string, channel: string, credentials: Credentials): (AccountClaim & { appId: string }) | null {
  const appId = metaAppIdFor(channel, credentials);
  if (!appId || !isMetaChannel(channel)) return null;
  const accountId = metaAccountId(channel, credentials);
  const appSecret = credentials.appSecret;
  return accountId && appSecret ? { appId, workspaceId, channel, accountId, appSecret } : null;
}

const sameClaim = (a: AccountClaim & { appId: string }, b: AccountClaim & { appId: string }) =>
  a.appId === b.appId && a.channel === b.channel && a.accountId === b.accountId && a.appSecret === b.appSecret;

/**
 * Refuses saving credentials (connecting an inbox, or reconnecting one) that claim, through a
 * Meta app's one URL, an account another workspace's inbox already holds with the same app
 * secret: both would verify Meta's deliveries for it, and only one may receive them
 * (meta-claims.ts). The refusal never names that workspace. `inbox`: the row being reconnected,
 * with the credentials it held; null when connecting a new one.
 *
 * An inbox that already held this very claim, and held it first, may keep it (e.g. a new token
 * after the old one expired): it is the one receiving, and refusing it would not undo the other
 * workspace's later claim.
 */
export async function refuseClaimHeldElsewhere(
  core: Pick<ChannelsDeps, "db" | "secrets">,
  workspaceId: string,
  channel: string,
  credentials: Credentials,
  inbox: { row: Pick<InboxRow, "id" | "createdAt">; credentials: Credentials | null } | null = null,
): Promise<void> {
  const claim = claimFor(workspaceId, channel, credentials);
  if (!claim) return;
  const rivals = rivalClaims(await metaAppMembers(core, claim.appId), claim);
  if (rivals.length === 0) return;
  const held = inbox?.credentials ? claimFor(workspaceId, channel, inbox.credentials) : null;
  const kept = inbox && held && sameClaim(held, claim) && rivals.every((r) => claimedBefore(inbox.row, r.inbox));
  if (!kept) throw refused(409, "conflict", "meta_account_elsewhere");
}
