/** WebCrypto helpers for webhook signatures, shared by every connector (Node and Workers alike). */
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/**
 * Imported HMAC keys by algorithm and secret: a channel's secret signs every one of its webhooks,
 * and importing it again for each costs as much as the signature. Plain CryptoKeys (never a
 * promise), bounded, oldest dropped first.
 */
const importedKeys = new Map<string, CryptoKey>();
const IMPORTED_MAX = 256;

async function hmacKey(hash: "SHA-256" | "SHA-1", key: string | Uint8Array): Promise<CryptoKey> {
  const name = typeof key === "string" ? `${hash}\n${key}` : null;
  const known = name === null ? undefined : importedKeys.get(name);
  if (known) return known;
  const keyBytes = typeof key === "string" ? utf8(key) : key;
  const imported = await crypto.subtle.importKey("raw", keyBytes as Uint8Array<ArrayBuffer>, { name: "HMAC", hash }, false, ["sign"]);
  if (name !== null) {
    if (importedKeys.size >= IMPORTED_MAX) importedKeys.delete(importedKeys.keys().next().value!);
    importedKeys.set(name, imported);
  }
  return imported;
}

async function hmac(hash: "SHA-256" | "SHA-1", key: string | Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(hash, key), data as Uint8Array<ArrayBuffer>));
}

export const hmacSha256 = (key: string | Uint8Array, data: Uint8Array) => hmac("SHA-256", key, data);

export async function sha1Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-1", utf8(text))));
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>)));
}

export function toHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
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
