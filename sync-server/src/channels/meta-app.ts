import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { META_CHANNELS, isMetaChannel, metaAccountId, metaAppIdOf, type Credentials, type MetaChannel } from "@inbox/connectors";
import { inboxes } from "../db/schema.ts";
import type { InboxRow } from "../db/read-model.ts";
import { credentialsOf, publicBaseOf, type ChannelsDeps } from "./channel-access.ts";
import { outrankedInboxes } from "./meta-claims.ts";

/**
 * A Meta app's inboxes, for its one callback URL (`/webhooks/meta/<appId>`): every WhatsApp,
 * Messenger and Instagram inbox whose credentials name the app, in any workspace. The app id is
 * copied to `inboxes.meta_app_id` when credentials are saved, so finding them is an indexed
 * lookup and only their credentials are opened. The app secret is not stored twice: it is
 * whichever of these inboxes' credentials hold it. Naming an App ID proves nothing (anyone can
 * type one), so a delivery goes only to inboxes whose secret verified its signature
 * (webhooks/meta-app-routing.ts); an inbox with another secret gets nothing from the app's URL
 * and cannot stop the others from getting theirs.
 */
export interface MetaAppMember {
  inbox: InboxRow;
  channel: MetaChannel;
  /** Page id, Instagram account id or phone-number id: what the app's entries are routed by. */
  accountId: string | null;
  credentials: Credentials;
}

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

/** The app's inboxes grouped by the app secret they hold (those holding none are left out). */
export function metaAppSecrets(members: readonly MetaAppMember[]): Map<string, MetaAppMember[]> {
  const bySecret = new Map<string, MetaAppMember[]>();
  for (const m of members) {
    const secret = m.credentials.appSecret;
    if (secret) bySecret.set(secret, [...(bySecret.get(secret) ?? []), m]);
  }
  return bySecret;
}

/**
 * Why some of one workspace's inboxes of the app would miss its deliveries, in words for
 * Settings (null: nothing wrong that can be seen from here). Only that workspace's inboxes are
 * looked at: another workspace's inboxes, names and secrets are none of its business.
 */
export function metaAppProblem(appId: string, own: readonly MetaAppMember[]): string | null {
  const secrets = metaAppSecrets(own);
  if (secrets.size === 0) return `No connected inbox of Meta app ${appId} holds its app secret.`;
  if (secrets.size === 1) return null;
  const names = own.map((m) => m.inbox.name).join(", ");
  return `The inboxes of Meta app ${appId} (${names}) hold different app secrets: the app's callback URL delivers only to those holding the secret Meta signs with. Reconnect the others with the app's current secret.`;
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
  /** This inbox's account is connected first in another workspace (same secret): the app's URL delivers nothing to it. */
  connectedElsewhere: boolean;
}

/** What one workspace's inboxes of an app share in Settings, and which of them another workspace's claim comes before. */
interface WorkspaceApp {
  view: Omit<MetaAppView, "connectedElsewhere">;
  outranked: ReadonlySet<string>;
}

/** One entry per workspace and app for a whole list answer: each opens every member's credentials. */
export type MetaAppViews = Map<string, Promise<WorkspaceApp>>;

/**
 * What Settings → Channels shows of an inbox's app: its one callback URL, why it would refuse,
 * and whether another workspace receives this inbox's account. Only that the account is held
 * elsewhere is said: never which workspace, nor its inboxes.
 */
export async function metaAppView(
  core: Pick<ChannelsDeps, "db" | "secrets" | "endpoints">,
  row: Pick<InboxRow, "id" | "metaAppId" | "workspaceId">,
  views: MetaAppViews = new Map(),
): Promise<MetaAppView | null> {
  const appId = row.metaAppId;
  if (!appId) return null;
  const key = `${row.workspaceId}:${appId}`;
  let app = views.get(key);
  if (!app) {
    app = metaAppMembers(core, appId).then((members) => {
      const own = members.filter((m) => m.inbox.workspaceId === row.workspaceId);
      return {
        view: { appId, webhookUrl: metaAppWebhookUrl(core, appId), inboxes: own.length, problem: metaAppProblem(appId, own) },
        outranked: outrankedInboxes(members, row.workspaceId),
      };
    });
    views.set(key, app);
  }
  const { view, outranked } = await app;
  return { ...view, connectedElsewhere: outranked.has(row.id) };
}

export function metaAppWebhookUrl(core: Pick<ChannelsDeps, "endpoints">, appId: string): string {
  return `${publicBaseOf(core.endpoints)}/webhooks/meta/${appId}`;
}
