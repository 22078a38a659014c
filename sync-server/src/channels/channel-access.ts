import type { ChannelType } from "@inbox/shared";
import type { Connector, ConnectorContext, Credentials } from "@inbox/connectors";
import type { Caches } from "../db/caches.ts";
import type { Writes } from "../db/record.ts";
import type { LiveRooms } from "../rooms/live-rooms.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { notFound, refused } from "../http/http-error.ts";
import { getInboxRow, type InboxRow } from "../db/read-model.ts";

/** Inbox settings value meaning "this channel talks to the built-in simulator, not the platform". */
export const SIMULATOR_BASE = "simulator";

/**
 * Where this server and the platforms are reached. Partly learned at run time: the runtime sets
 * `selfUrl` once it knows it, and the demo's simulator its `simulatorFetch`.
 */
export interface Endpoints {
  /** Where this process is reachable from itself and its tests (the simulator, demo traffic). */
  selfUrl: string;
  /** PUBLIC_URL: where people and platforms reach it (behind a proxy); empty: `selfUrl`. */
  publicUrl: string;
  /** Connectors' API calls for simulator-wired inboxes go through this. */
  simulatorFetch: typeof fetch;
  /** Where each platform's API is: its own host unless the operator overrides it (never a workspace). */
  platformApiUrls: Partial<Record<ChannelType, string>>;
  /** Connectors' fetch for real platforms: public https only, same-host redirects, size-limited. */
  platformFetch: typeof fetch;
}

/** What reaching a channel's platform, and changing its state, needs. */
export interface ChannelsDeps extends Writes {
  connectors: ReadonlyMap<ChannelType, Connector>;
  caches: Pick<Caches, "inboxes">;
  secrets: SecretBox;
  endpoints: Endpoints;
  /** The team rooms, where a channel's state shows at once. */
  live: LiveRooms;
}

export function connectorFor(core: Pick<ChannelsDeps, "connectors">, channel: string): Connector | undefined {
  return core.connectors.get(channel as ChannelType);
}

/** The inbox behind a webhook URL: it must exist and be of that platform. */
export async function webhookInbox(core: Pick<ChannelsDeps, "connectors" | "caches" | "db">, platform: string, inboxId: string): Promise<{ inbox: InboxRow; connector: Connector }> {
  const connector = connectorFor(core, platform);
  const inbox = await core.caches.inboxes.getOrLoad(inboxId, () => getInboxRow(core.db, inboxId));
  if (!connector || platform === "webchat" || !inbox || inbox.channel !== platform) throw notFound("channel");
  return { inbox, connector };
}

export async function credentialsOf(core: Pick<ChannelsDeps, "secrets">, inbox: Pick<InboxRow, "secretsEnc">): Promise<Credentials> {
  if (!inbox.secretsEnc) throw refused(409, "channel_unavailable", "channel_no_credentials");
  return core.secrets.open(inbox.secretsEnc);
}

/**
 * Where the connector sends API calls for this inbox: the platform's own API (or the operator's
 * override of it, PLATFORM_API_URLS), or our own simulator route for demo inboxes. Any other
 * `settings.apiBaseUrl` (rows written before it was refused) is ignored: a workspace can never
 * point the server at another address.
 */
export function contextFor(core: Pick<ChannelsDeps, "endpoints" | "now">, inbox: Pick<InboxRow, "id" | "channel" | "settings">, connector: Connector): ConnectorContext {
  if (inbox.settings.apiBaseUrl === SIMULATOR_BASE) {
    return { fetch: core.endpoints.simulatorFetch, apiBaseUrl: `${core.endpoints.selfUrl}/simulator/platform/${inbox.id}`, now: core.now };
  }
  const apiBaseUrl = core.endpoints.platformApiUrls[connector.channel] ?? connector.defaultApiBaseUrl;
  return { fetch: core.endpoints.platformFetch, apiBaseUrl, now: core.now };
}

/** The base of every address handed to people and platforms: webhooks, media links, invitations. */
export function publicBaseOf(endpoints: Pick<Endpoints, "selfUrl" | "publicUrl">): string {
  return (endpoints.publicUrl || endpoints.selfUrl).replace(/\/+$/, "");
}
