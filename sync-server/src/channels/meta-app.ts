import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { META_CHANNELS, isMetaChannel, metaAccountId, metaAppIdOf, type Credentials, type MetaChannel } from "@inbox/connectors";
import { inboxes } from "../db/schema.ts";
import type { InboxRow } from "../db/read-model.ts";
import { credentialsOf, publicBaseOf, type ChannelsDeps } from "./channel-access.ts";

/**
 * A Meta app's inboxes, for its one callback URL (`/webhooks/meta/<appId>`): every WhatsApp,
 * Messenger and Instagram inbox whose credentials name the app. The app id is copied to
 * `inboxes.meta_app_id` when credentials are saved, so finding them is an indexed lookup and
 * only their credentials are opened. The app secret is not stored twice: it is whichever of
 * these inboxes' credentials hold it, and inboxes that disagree make the app unusable until an
 * admin fixes them (never a guess at which secret is right).
 */

export interface MetaAppMember {
  inbox: InboxRow;
  channel: MetaChannel;
  /** Page id, Instagram account id or phone-number id: what the app's entries are routed by. */
  accountId: string | null;
  credentials: Credentials;
}

export type MetaAppSecret = { ok: true; secret: string } | { ok: false; reason: string };

/** The column value for these credentials (null for other channels or without an App ID). */
export function metaAppIdFor(channel: string, credentials: Credentials): string | null {
  return isMetaChannel(channel) ? metaAppIdOf(credentials) : null;
}

export async function metaAppMembers(core: Pick<ChannelsDeps, "db" | "secrets">, appId: string): Promise<MetaAppMember[]> {
  const rows = await core.db
    .select()
    .from(inboxes)
    .where(and(eq(inboxes.metaAppId, appId), inArray(inboxes.channel, [...META_CHANNELS]), isNotNull(inboxes.secretsEnc)));
  const members: MetaAppMember[] = [];
  for (const inbox of rows) {
    const credentials = await credentialsOf(core, inbox);
    // A row whose credentials were replaced without the App ID no longer belongs to the app.
    if (metaAppIdOf(credentials) !== appId || !isMetaChannel(inbox.channel)) continue;
    members.push({ inbox, channel: inbox.channel, accountId: metaAccountId(inbox.channel, credentials), credentials });
  }
  return members;
}

/** The app's secret: the one its inboxes hold, refused in words when they disagree. */
export function metaAppSecret(appId: string, members: readonly MetaAppMember[]): MetaAppSecret {
  const secrets = new Set(members.map((m) => m.credentials.appSecret).filter((s): s is string => !!s));
  if (secrets.size === 0) return { ok: false, reason: `No connected inbox of Meta app ${appId} holds its app secret.` };
  if (secrets.size > 1) {
    const names = members.map((m) => m.inbox.name).join(", ");
    return {
      ok: false,
      reason: `The inboxes of Meta app ${appId} (${names}) hold different app secrets, so its deliveries cannot be checked. Reconnect them with the app's current secret.`,
    };
  }
  return { ok: true, secret: [...secrets][0]! };
}

/** The inboxes an entry for this account belongs to (the platform object decides the channel). */
export function membersFor(members: readonly MetaAppMember[], channel: MetaChannel, accountId: string): MetaAppMember[] {
  return members.filter((m) => m.channel === channel && m.accountId === accountId);
}

export interface MetaAppView {
  appId: string;
  webhookUrl: string;
  inboxes: number;
  problem: string | null;
}

/** One view per app for a whole list answer: each view opens every member's credentials. */
export type MetaAppViews = Map<string, Promise<MetaAppView>>;

/** What Settings → Channels shows of an inbox's app: its one callback URL, and why it would refuse. */
export function metaAppView(
  core: Pick<ChannelsDeps, "db" | "secrets" | "endpoints">,
  row: Pick<InboxRow, "metaAppId">,
  views: MetaAppViews = new Map(),
): Promise<MetaAppView | null> {
  const appId = row.metaAppId;
  if (!appId) return Promise.resolve(null);
  let view = views.get(appId);
  if (!view) {
    view = metaAppMembers(core, appId).then((members) => {
      const secret = metaAppSecret(appId, members);
      return { appId, webhookUrl: metaAppWebhookUrl(core, appId), inboxes: members.length, problem: secret.ok ? null : secret.reason };
    });
    views.set(appId, view);
  }
  return view;
}

export function metaAppWebhookUrl(core: Pick<ChannelsDeps, "endpoints">, appId: string): string {
  return `${publicBaseOf(core.endpoints)}/webhooks/meta/${appId}`;
}
