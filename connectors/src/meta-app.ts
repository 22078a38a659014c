import { z } from "zod";
import type { Credentials } from "./connector.ts";
import { MalformedWebhookError, readJsonBody } from "./malformed.ts";

// Meta configures one callback URL per app, not per Page or number: a delivery to it may hold
// entries for several Pages, Instagram accounts and WhatsApp numbers of the app. These rules
// split such a delivery into one delivery per account, in the platform's own envelope, so each
// inbox's connector reads its part exactly as if it had come to the inbox's own URL.

export const META_CHANNELS = ["whatsapp", "messenger", "instagram"] as const;
export type MetaChannel = (typeof META_CHANNELS)[number];

/** Webhook `object` → the channel whose connector reads it. */
const CHANNEL_OF_OBJECT: Record<string, MetaChannel> = { page: "messenger", instagram: "instagram", whatsapp_business_account: "whatsapp" };

export function isMetaChannel(channel: string): channel is MetaChannel {
  return (META_CHANNELS as readonly string[]).includes(channel);
}

/** The optional App ID credential (App Dashboard → App settings → Basic), the same rule for all three channels. */
export const metaAppIdField = z
  .string()
  .trim()
  .regex(/^\d{1,32}$/, "The App ID is the number shown in the Meta App Dashboard → App settings → Basic.")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The Meta app an inbox's credentials belong to, where the admin named it. */
export function metaAppIdOf(credentials: Credentials): string | null {
  return credentials.appId?.trim() || null;
}

/** The account a Meta inbox answers for: the id its entries carry. */
export function metaAccountId(channel: MetaChannel, credentials: Credentials): string | null {
  const id = channel === "whatsapp" ? credentials.phoneNumberId : channel === "messenger" ? credentials.pageId : credentials.igAccountId;
  return id?.trim() || null;
}

/** One account's share of a per-app delivery, as a body of its own. */
export interface MetaPart {
  channel: MetaChannel;
  accountId: string;
  body: Uint8Array;
}

/** What a per-app delivery holds: parts for accounts, and entries no account id could be read from. */
export interface MetaSplit {
  object: string;
  parts: MetaPart[];
  /** Entries (or WhatsApp changes) without the id that routes them. */
  unroutable: number;
}

const Envelope = z.object({ object: z.string(), entry: z.array(z.record(z.string(), z.unknown())) });

/**
 * Splits a verified per-app delivery by account: Messenger and Instagram by `entry[].id` (the
 * Page id, the Instagram account id), WhatsApp by each change's
 * `value.metadata.phone_number_id` (one WhatsApp Business Account entry may hold several
 * numbers). Order is kept within each account. The parts are re-serialised deterministically,
 * so a redelivery of the same bytes yields the same parts (and the same delivery keys).
 */
export function splitMetaDelivery(body: Uint8Array): MetaSplit {
  const parsed = Envelope.safeParse(readJsonBody(body, "Meta"));
  if (!parsed.success) throw new MalformedWebhookError("The Meta webhook is not an object with entries.");
  const { object, entry } = parsed.data;
  const channel = CHANNEL_OF_OBJECT[object];
  if (!channel) throw new MalformedWebhookError(`Meta webhooks for "${object}" are not read by any channel.`);
  const byAccount = new Map<string, Record<string, unknown>[]>();
  let unroutable = 0;
  const add = (accountId: string, e: Record<string, unknown>) => {
    const list = byAccount.get(accountId) ?? [];
    list.push(e);
    byAccount.set(accountId, list);
  };
  for (const e of entry) {
    if (channel !== "whatsapp") {
      const id = typeof e.id === "string" || typeof e.id === "number" ? String(e.id) : "";
      if (id) add(id, e);
      else unroutable++;
      continue;
    }
    const changes = Array.isArray(e.changes) ? e.changes : [];
    const byNumber = new Map<string, unknown[]>();
    for (const change of changes) {
      const id = phoneNumberIdOf(change);
      if (!id) {
        unroutable++;
        continue;
      }
      byNumber.set(id, [...(byNumber.get(id) ?? []), change]);
    }
    for (const [id, own] of byNumber) add(id, { ...e, changes: own });
  }
  const encoder = new TextEncoder();
  const parts = [...byAccount].map(([accountId, entries]) => ({ channel, accountId, body: encoder.encode(JSON.stringify({ object, entry: entries })) }));
  return { object, parts, unroutable };
}

function phoneNumberIdOf(change: unknown): string | null {
  const value = (change as { value?: { metadata?: { phone_number_id?: unknown } } } | null)?.value;
  const id = value?.metadata?.phone_number_id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}
