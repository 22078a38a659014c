/**
 * Base64 with `btoa`/`atob` (both runtimes have them; node:buffer is not in the Workers build),
 * the one place bytes become text and back for secrets, password hashes, tokens and mail.
 */

/** Standard alphabet, padded (RFC 4648 §4). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: spreading a whole large body into one call would pass the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** URL and file-name safe alphabet, unpadded (RFC 4648 §5): tokens, signed links, VAPID keys. */
export function bytesToBase64url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Standard alphabet, with or without its padding. Throws on anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text + "=".repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
