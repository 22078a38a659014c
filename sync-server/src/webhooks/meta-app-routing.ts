import { metaVerifySignature, type MetaPart, type WebhookRequest } from "@inbox/connectors";
import { membersFor, metaAppSecrets, type MetaAppMember } from "../channels/index.ts";
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

/** An account id that verified inboxes of more than one workspace claim: delivered to none of them. */
export interface AmbiguousClaim {
  channel: MetaPart["channel"];
  accountId: string;
  inboxIds: string[];
  workspaceIds: string[];
}

export interface MetaRouting {
  /** Each part with the inboxes it is stored for (all in one workspace). */
  deliveries: { part: MetaPart; targets: MetaAppMember[] }[];
  unrouted: UnroutedEntry[];
  ambiguous: AmbiguousClaim[];
}

/**
 * Decides where each account's part of a verified delivery goes, among `verified` inboxes only:
 * - the inboxes holding its id, when they are all in one workspace (two inboxes of one workspace
 *   for the same Page each get it, as their own URLs would);
 * - nowhere when no verified inbox holds the id (recorded as unrouted);
 * - nowhere when verified inboxes of two or more workspaces hold it: a customer's message must
 *   never reach another workspace, and there is no telling which one the Page is really for.
 *   The entry is recorded once as unrouted (ids only) and reported loudly by the caller.
 */
export function routeMetaParts(object: string, parts: readonly MetaPart[], verified: readonly MetaAppMember[]): MetaRouting {
  const routing: MetaRouting = { deliveries: [], unrouted: [], ambiguous: [] };
  for (const part of parts) {
    const targets = membersFor(verified, part.channel, part.accountId);
    const workspaceIds = [...new Set(targets.map((t) => t.inbox.workspaceId))];
    if (targets.length === 0) {
      routing.unrouted.push({ object, accountId: part.accountId, reason: `No ${part.channel} inbox holding the app secret this delivery was signed with has this id.` });
    } else if (workspaceIds.length > 1) {
      routing.ambiguous.push({ channel: part.channel, accountId: part.accountId, inboxIds: targets.map((t) => t.inbox.id), workspaceIds });
      routing.unrouted.push({
        object,
        accountId: part.accountId,
        reason: `Inboxes of ${workspaceIds.length} workspaces hold this ${part.channel} id, so its messages were delivered to none of them. Disconnect it from the workspace it does not belong to.`,
      });
    } else {
      routing.deliveries.push({ part, targets });
    }
  }
  return routing;
}
