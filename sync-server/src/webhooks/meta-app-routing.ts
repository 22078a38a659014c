import { metaVerifySignature, type MetaPart, type WebhookRequest } from "@inbox/connectors";
import { firstClaimants, membersFor, metaAppSecrets, type MetaAppMember } from "../channels/index.ts";
import type { UnroutedEntry } from "./meta-app-unrouted.ts";

/**
 * Who may receive a per-app delivery: the inboxes whose app secret verified its signature. Any
 * workspace can type a Meta App ID into an inbox's credentials, so holding the App ID (or a Page
 * id) proves nothing; holding the secret Meta signed with does. `none`: no inbox holds a secret.
 */
export async function verifiedMembers(req: WebhookRequest, members: readonly MetaAppMember[]): Promise<MetaAppMember[] | "none"> {
  const bySecret = metaAppSecrets(members);
  if (bySecret.size === 0) return "none";
  // One HMAC per distinct secret, not per inbox: inboxes of one app usually share it.
  for (const [appSecret, holders] of bySecret) if (await metaVerifySignature(req, { appSecret })) return holders;
  return [];
}

/**
 * An account id that verified inboxes of more than one workspace hold (with the one secret that
 * verified the delivery): delivered only to the workspace that connected it first.
 */
export interface ContestedClaim {
  channel: MetaPart["channel"];
  accountId: string;
  holders: { inboxId: string; workspaceId: string }[];
  /** The workspace whose inboxes received it. */
  deliveredTo: string;
}

export interface MetaRouting {
  /** Each part with the inboxes it is stored for (all in one workspace). */
  deliveries: { part: MetaPart; targets: MetaAppMember[] }[];
  unrouted: UnroutedEntry[];
  contested: ContestedClaim[];
}

/**
 * Decides where each account's part of a verified delivery goes, among `verified` inboxes only:
 * - the inboxes holding its id, when they are all in one workspace (two inboxes of one workspace
 *   for the same Page each get it, as their own URLs would);
 * - nowhere when no verified inbox holds the id (recorded as unrouted);
 * - when verified inboxes of two or more workspaces hold it, to those of the workspace that
 *   connected it first (channels/meta-claims.ts): a customer's message must never reach another
 *   workspace, nor be lost. Such claims are refused when made; the caller reports the ones that
 *   exist loudly.
 */
export function routeMetaParts(object: string, parts: readonly MetaPart[], verified: readonly MetaAppMember[]): MetaRouting {
  const routing: MetaRouting = { deliveries: [], unrouted: [], contested: [] };
  for (const part of parts) {
    const holders = membersFor(verified, part.channel, part.accountId);
    if (holders.length === 0) {
      routing.unrouted.push({ object, accountId: part.accountId, reason: `No ${part.channel} inbox holding the app secret this delivery was signed with has this id.` });
      continue;
    }
    const targets = firstClaimants(holders);
    if (targets.length < holders.length) {
      const claimants = holders.map((h) => ({ inboxId: h.inbox.id, workspaceId: h.inbox.workspaceId }));
      routing.contested.push({ channel: part.channel, accountId: part.accountId, holders: claimants, deliveredTo: targets[0]!.inbox.workspaceId });
    }
    routing.deliveries.push({ part, targets });
  }
  return routing;
}
