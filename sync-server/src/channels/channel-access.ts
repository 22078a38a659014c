import type { ChannelType } from "@inbox/shared";
import type { Connector, ConnectorContext, Credentials } from "@inbox/connectors";
import type { Core } from "../core.ts";
import { HttpError, notFound } from "../http/http-error.ts";
import { getInboxRow, type InboxRow } from "../db/read-model.ts";

/** Inbox settings value meaning "this channel talks to the built-in simulator, not the platform". */
export const SIMULATOR_BASE = "simulator";

export function connectorFor(core: Core, channel: string): Connector | undefined {
  return core.connectors.get(channel as ChannelType);
}

/** The inbox behind a webhook URL: it must exist and be of that platform. */
export async function webhookInbox(core: Core, platform: string, inboxId: string): Promise<{ inbox: InboxRow; connector: Connector }> {
  const connector = connectorFor(core, platform);
  const inbox = await core.caches.inboxes.getOrLoad(inboxId, () => getInboxRow(core.db, inboxId));
  if (!connector || platform === "webchat" || !inbox || inbox.channel !== platform) throw notFound("This channel");
  return { inbox, connector };
}

export async function credentialsOf(core: Core, inbox: InboxRow): Promise<Credentials> {
  if (!inbox.secretsEnc) throw new HttpError(409, "channel_unavailable", "This channel has no credentials. An admin must connect it.");
  return core.secrets.open(inbox.secretsEnc);
}

/**
 * Where the connector sends API calls for this inbox: the platform's own API (or the operator's
 * override of it, PLATFORM_API_URLS), or our own simulator route for demo inboxes. Any other
 * `settings.apiBaseUrl` (rows written before it was refused) is ignored: a workspace can never
 * point the server at another address.
 */
export function contextFor(core: Core, inbox: Pick<InboxRow, "id" | "channel" | "settings">, connector: Connector): ConnectorContext {
  if (inbox.settings.apiBaseUrl === SIMULATOR_BASE) {
    return { fetch: core.simulatorFetch, apiBaseUrl: `${core.selfUrl}/simulator/platform/${inbox.id}`, now: core.now };
  }
  const apiBaseUrl = core.platformApiUrls[connector.channel] ?? connector.defaultApiBaseUrl;
  return { fetch: core.platformFetch, apiBaseUrl, now: core.now };
}
