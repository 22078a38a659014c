import { fromHex, timingSafeEqual, toHex } from "./tokens.ts";

/**
 * PBKDF2-HMAC-SHA256 through WebCrypto: a real KDF available on Node and on Workers (whose
 * runtime caps iterations at 100,000, so that is what we use). Stored as
 * `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>` so the cost can be raised later.
 */
const ITERATIONS = 100_000;
const KEY_BITS = 256;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, KEY_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toHex(salt)}$${toHex(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, saltHex, hashHex] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iter || !saltHex || !hashHex) return false;
  const actual = await derive(password, fromHex(saltHex), Number(iter));
  return timingSafeEqual(actual, fromHex(hashHex));
}

/** Spent on unknown emails too, so response time does not reveal which emails exist. */
export const DUMMY_HASH = "pbkdf2-sha256$100000$00000000000000000000000000000000$" + "00".repeat(32);
