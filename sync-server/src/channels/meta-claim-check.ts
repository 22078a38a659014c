import type { Credentials } from "@inbox/connectors";
import type { InboxRow } from "../db/read-model.ts";
import { refused } from "../http/http-error.ts";
import { credentialsOf, type ChannelsDeps } from "./channel-access.ts";
import { metaAppMembers } from "./meta-app.ts";
import { claimOf, claimedBefore, rivalClaims, sameClaim } from "./meta-claims.ts";

/**
 * Refuses saving credentials (connecting an inbox, or reconnecting one) that claim, through a
 * Meta app's one URL, an account another workspace's inbox already holds with the same app
 * secret: both would verify Meta's deliveries for it, and only one may receive them
 * (meta-claims.ts). The refusal never names that workspace. `inbox`: the row being reconnected,
 * as stored (its credentials still the ones it held); null when connecting a new one.
 *
 * An inbox that already held this very claim, and held it first, may keep it (e.g. a new token
 * after the old one expired): it is the one receiving, and refusing it would not undo the other
 * workspace's later claim. Its stored credentials are opened only to tell that: never for a
 * channel that is not Meta's, nor when no other workspace holds the account.
 */
export async function refuseClaimHeldElsewhere(
  core: Pick<ChannelsDeps, "db" | "secrets">,
  workspaceId: string,
  channel: string,
  credentials: Credentials,
  inbox: Pick<InboxRow, "id" | "createdAt" | "secretsEnc"> | null = null,
): Promise<void> {
  const claim = claimOf(workspaceId, channel, credentials);
  if (!claim) return;
  const rivals = rivalClaims(await metaAppMembers(core, claim.appId), claim);
  if (rivals.length === 0) return;
  const held = inbox?.secretsEnc ? claimOf(workspaceId, channel, await credentialsOf(core, inbox)) : null;
  const kept = inbox && sameClaim(held, claim) && rivals.every((r) => claimedBefore(inbox, r.inbox));
  if (!kept) throw refused(409, "conflict", "meta_account_elsewhere");
}
