import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";

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

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(hexToBytes(hex));
}

/**
 * Base64 with `btoa`/`atob` (every runtime here has them; node:buffer is not in the Workers
 * build): the one implementation for the connectors and the server (secrets, password hashes,
 * tokens, mail). Standard alphabet, padded (RFC 4648 §4).
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: spreading a whole large body into one call would pass the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** URL and file-name safe alphabet, unpadded (RFC 4648 §5): tokens, signed links, VAPID keys. */
export function toBase64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Standard alphabet, with or without its padding. Throws on anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text + "=".repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The URL-safe alphabet, padded or not. Throws on anything else. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  return fromBase64(text.replace(/-/g, "+").replace(/_/g, "/"));
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
