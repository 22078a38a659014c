import type { Connector, ConnectorContext, Credentials, InboundEvent, WebhookRequest } from "@inbox/connectors";
import { applyInboundEvent, type InboundDeps } from "./inbound-events.ts";
import type { webhookEvents } from "../db/schema.ts";
import { getInboxRow, type InboxRow } from "../db/read-model.ts";
import { connectorFor, contextFor, credentialsOf } from "../channels/index.ts";
import { storeInboundMedia } from "./inbound-media.ts";
import { IdentityLookups } from "./identity-lookups.ts";

/**
 * Most lanes applied at once. Meta may put up to 1,000 updates in one delivery, so a batch of
 * 200 webhooks can hold far more lanes than customers writing at once; each running lane holds
 * its ingest's promises and a place in the group commit. 200 is the InboundBatcher's batch, so
 * the commits stay as full as they were.
 */
const LANES_AT_ONCE = 200;

export type WebhookRow = Pick<typeof webhookEvents.$inferSelect, "id" | "inboxId" | "method" | "url" | "headers" | "body">;

/** What became of one webhook of a batch. */
export type WebhookOutcome = { id: number; state: "done" } | { id: number; state: "held" } | { id: number; state: "failed"; error: string };

interface Channel {
  inbox: InboxRow;
  connector: Connector;
  credentials: Credentials;
  ctx: ConnectorContext;
}

interface Tagged {
  rowId: number;
  channel: Channel;
  event: InboundEvent;
}

/**
 * Applies a batch of claimed webhooks (oldest first) and says what became of each. Every
 * webhook is parsed first; then their events run in lanes, one per customer (or per receipt's
 * message), each lane in the webhooks' order and up to LANES_AT_ONCE lanes side by side. So one customer's
 * messages keep their order, while many customers' messages reach the InboundBatcher together
 * and share its commits, instead of one commit (and several round trips) per webhook. An event
 * that fails is logged and fails its webhook without stopping the others.
 */
export async function applyWebhookBatch(core: InboundDeps, rows: readonly WebhookRow[]): Promise<WebhookOutcome[]> {
  const channels = await channelsOf(core, rows);
  const outcomes = new Map<number, WebhookOutcome>();
  const parsed = await Promise.all(
    rows.map(async (row): Promise<Tagged[]> => {
      const channel = channels.get(row.inboxId);
      if (channel === "missing") outcomes.set(row.id, { id: row.id, state: "failed", error: "The channel no longer exists." });
      else if (channel === "disabled") outcomes.set(row.id, { id: row.id, state: "held" });
      else if (channel instanceof Error) outcomes.set(row.id, { id: row.id, state: "failed", error: channel.message });
      if (!channel || typeof channel === "string" || channel instanceof Error) return [];
      try {
        const events = await channel.connector.parse(requestOf(row), channel.credentials);
        return events.map((event) => ({ rowId: row.id, channel, event }));
      } catch (err) {
        console.error(`webhook ${row.id} could not be parsed`, err);
        outcomes.set(row.id, { id: row.id, state: "failed", error: messageOf(err) });
        return [];
      }
    }),
  );

  const lanes = new Map<string, Tagged[]>();
  for (const tagged of parsed.flat()) {
    const key = `${tagged.channel.inbox.id}\n${laneOf(tagged.event)}`;
    const lane = lanes.get(key);
    if (lane) lane.push(tagged);
    else lanes.set(key, [tagged]);
  }
  const errors = new Map<number, string[]>();
  const lookups = new IdentityLookups(core);
  const waiting = [...lanes.values()];
  // LANES_AT_ONCE runners, each taking the next lane when it finishes one.
  await Promise.all(
    Array.from({ length: Math.min(LANES_AT_ONCE, waiting.length) }, async () => {
      for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
        for (const { rowId, channel, event } of lane) {
          try {
            await applyOne(core, channel, event, lookups);
          } catch (err) {
            console.error(`webhook ${rowId}: an event failed`, err);
            errors.set(rowId, [...(errors.get(rowId) ?? []), messageOf(err)]);
          }
        }
      }
    }),
  );
  return rows.map((row) => {
    const decided = outcomes.get(row.id);
    if (decided) return decided;
    const failed = errors.get(row.id);
    return failed ? { id: row.id, state: "failed", error: failed.join("; ") } : { id: row.id, state: "done" };
  });
}

/** Events of one lane must apply in order: those about one customer, one of our messages, or one template. */
function laneOf(event: InboundEvent): string {
  if (event.type === "status") return `status:${event.externalMessageId}`;
  if (event.type === "template_status") return `template:${event.name}:${event.language}`;
  return `sender:${event.sender.externalId}`;
}

async function applyOne(core: InboundDeps, { inbox, connector, credentials, ctx }: Channel, event: InboundEvent, lookups: IdentityLookups): Promise<void> {
  const withMedia =
    event.type === "message" || event.type === "edit" ? { ...event, content: await storeInboundMedia(core, event.content, connector, credentials, ctx, inbox) } : event;
  await applyInboundEvent(core, inbox, withMedia, lookups);
}

/** Each inbox of the batch once: its connector and decrypted credentials, or why none. */
async function channelsOf(core: InboundDeps, rows: readonly WebhookRow[]): Promise<Map<string, Channel | "missing" | "disabled" | Error>> {
  const channels = new Map<string, Channel | "missing" | "disabled" | Error>();
  for (const inboxId of new Set(rows.map((r) => r.inboxId))) {
    const inbox = await getInboxRow(core.db, inboxId);
    const connector = inbox && connectorFor(core, inbox.channel);
    if (!inbox || !connector) channels.set(inboxId, "missing");
    else if (inbox.status === "disabled") channels.set(inboxId, "disabled");
    else {
      try {
        channels.set(inboxId, { inbox, connector, credentials: await credentialsOf(core, inbox), ctx: contextFor(core, inbox, connector) });
      } catch (err) {
        channels.set(inboxId, err instanceof Error ? err : new Error(String(err)));
      }
    }
  }
  return channels;
}

function requestOf(row: WebhookRow): WebhookRequest {
  return { method: row.method, url: new URL(row.url), headers: new Headers(row.headers), body: new TextEncoder().encode(row.body) };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
