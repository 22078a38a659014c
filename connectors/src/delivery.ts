import type { DeliveryKeys } from "./connector.ts";
import { sha256Hex, utf8 } from "./crypto.ts";

/**
 * Delivery keys (see `DeliveryKeys`). A platform whose redelivery repeats the same bytes (Meta's)
 * is named by a hash of the body; the others by their own ids. Long keys are hashed so the
 * server's unique index stays small.
 */
const MAX_KEY_LENGTH = 200;

export async function bodyKey(body: Uint8Array): Promise<DeliveryKeys> {
  return { delivery: `body:${await sha256Hex(body)}` };
}

/** A key made of platform ids (order-free, so a redelivery listing them differently matches). */
export async function idsKey(prefix: string, ids: readonly string[]): Promise<string> {
  const joined = [...new Set(ids)].sort().join(",");
  const key = `${prefix}:${joined}`;
  return key.length <= MAX_KEY_LENGTH ? key : `${prefix}#:${await sha256Hex(utf8(joined))}`;
}
