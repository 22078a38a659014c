import { isMetaChannel, metaAccountId, metaAppIdOf, type Credentials, type MetaChannel } from "@inbox/connectors";
import type { InboxRow } from "../db/read-model.ts";
import type { MetaAppMember } from "./meta-app.ts";

/**
 * Who receives a Page, Instagram account or phone number that inboxes of two workspaces hold
 * with the same app secret: Meta's deliveries for it then verify for both, and nothing in them
 * says which workspace the account is for. Such a claim is refused when it is made
 * (meta-claim-check.ts), but claims made before that check, or by two admins saving at the same
 * moment, can exist. Their messages go to the workspace that connected the account first: never
 * to none (a customer's message would be lost) and never to both (it must not reach a workspace
 * it is not for). Settings tells the later workspace its inbox receives nothing.
 */

/** A claim on an account: what a saved inbox or one being saved holds. */
export interface AccountClaim {
  workspaceId: string;
  appId: string;
  channel: MetaChannel;
  accountId: string;
  appSecret: string;
}

/**
 * The claim an inbox of `workspaceId` makes with these credentials: null unless the channel is
 * Meta's and they name an app, an account and a secret (lacking any of them claims nothing).
 */
export function claimOf(workspaceId: string, channel: string, credentials: Credentials): AccountClaim | null {
  if (!isMetaChannel(channel)) return null;
  const appId = metaAppIdOf(credentials);
  const accountId = metaAccountId(channel, credentials);
  const appSecret = credentials.appSecret;
  return appId && accountId && appSecret ? { workspaceId, appId, channel, accountId, appSecret } : null;
}

/** The same account of the same app with the same secret, whichever workspace holds each. */
export function sameClaim(a: AccountClaim | null, b: AccountClaim): boolean {
  return a !== null && a.appId === b.appId && a.channel === b.channel && a.accountId === b.accountId && a.appSecret === b.appSecret;
}

const memberClaim = (m: MetaAppMember): AccountClaim | null => claimOf(m.inbox.workspaceId, m.channel, m.credentials);

/** Connected first: created earlier; the id breaks a tie, so every process picks the same one. */
export function claimedBefore(a: Pick<InboxRow, "createdAt" | "id">, b: Pick<InboxRow, "createdAt" | "id">): boolean {
  return a.createdAt !== b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
}

/** Of inboxes holding one account (with one secret), those of the workspace that connected it first. */
export function firstClaimants(holders: readonly MetaAppMember[]): MetaAppMember[] {
  let first: MetaAppMember | undefined;
  for (const h of holders) if (!first || claimedBefore(h.inbox, first.inbox)) first = h;
  return first ? holders.filter((h) => h.inbox.workspaceId === first.inbox.workspaceId) : [];
}

/**
 * Other workspaces' inboxes of the app holding the same account with the same app secret. One
 * holding another secret is no rival: the signature tells their deliveries apart, and a claim
 * made with a secret Meta does not sign with must not keep the account's owner out.
 */
export function rivalClaims(members: readonly MetaAppMember[], claim: AccountClaim): MetaAppMember[] {
  return members.filter((m) => m.inbox.workspaceId !== claim.workspaceId && sameClaim(memberClaim(m), claim));
}

/** What sameClaim compares, as one key: claims are the same exactly when their keys are. */
const claimKey = (c: AccountClaim): string => JSON.stringify([c.appId, c.channel, c.accountId, c.appSecret]);

/** This workspace's inboxes of the app whose account another workspace connected first: the app's URL delivers nothing to them. */
export function outrankedInboxes(members: readonly MetaAppMember[], workspaceId: string): Set<string> {
  // Each member's claim made once and grouped with the same claims: rivals are in one group.
  const holders = new Map<string, MetaAppMember[]>();
  for (const m of members) {
    const claim = memberClaim(m);
    if (!claim) continue;
    const key = claimKey(claim);
    const group = holders.get(key);
    if (group) group.push(m);
    else holders.set(key, [m]);
  }
  const outranked = new Set<string>();
  for (const group of holders.values()) {
    for (const m of group) {
      if (m.inbox.workspaceId !== workspaceId) continue;
      if (group.some((r) => r.inbox.workspaceId !== workspaceId && claimedBefore(r.inbox, m.inbox))) outranked.add(m.inbox.id);
    }
  }
  return outranked;
}
