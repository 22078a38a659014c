import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * Hashing helpers for webhook signatures, shared by every connector (Node and Workers alike).
 * SHA-256 and its HMAC, which every delivery needs (a signature, a delivery key), are computed
 * in place by a pure-JS library: WebCrypto would hand each to a worker thread and back, and on
 * a busy machine the event loop waits on that hand-off longer than the hash takes.
 */
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export const hmacSha256 = async (key: string | Uint8Array, data: Uint8Array): Promise<Uint8Array> => hmac(sha256, typeof key === "string" ? utf8(key) : key, data);

export async function sha1Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-1", utf8(text))));
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(sha256(data));
}

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Compares without an early exit, so response timing does not leak how much of a signature matched. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function timingSafeEqualText(a: string, b: string): boolean {
  return timingSafeEqual(utf8(a), utf8(b));
}
