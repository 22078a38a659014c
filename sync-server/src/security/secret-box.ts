import { fromBase64, fromBase64url, toBase64, toBase64url } from "@inbox/connectors/src/crypto.ts";

/**
 * Encrypts channel credentials at rest with AES-256-GCM (WebCrypto, so Node and Workers agree).
 * The key comes from the runtime's configuration, never from the repository or the database.
 */
export interface SecretBox {
  seal(value: Record<string, string>): Promise<string>;
  open(sealed: string): Promise<Record<string, string>>;
  /** HMAC-SHA256 of `text` (base64url), with a key derived from the secret for signed links. */
  mac(text: string): Promise<string>;
  /** Whether `mac` is `text`'s, compared in constant time. */
  checkMac(text: string, mac: string): Promise<boolean>;
}

/** How many opened values a box remembers (one per channel's credentials; far more than any workspace has). */
const OPENED_MAX = 1000;

export async function createSecretBox(rawKey: Uint8Array): Promise<SecretBox> {
  if (rawKey.length !== 32) throw new Error("The secret key must be 32 bytes (base64 of 32 random bytes).");
  const key = await crypto.subtle.importKey("raw", rawKey as Uint8Array<ArrayBuffer>, "AES-GCM", false, ["encrypt", "decrypt"]);
  // A separate key for signing, derived from the same secret: one key is never used for two purposes.
  const hkdf = await crypto.subtle.importKey("raw", rawKey as Uint8Array<ArrayBuffer>, "HKDF", false, ["deriveKey"]);
  const macKey = await crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode("inbox signed links v1") },
    hkdf,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign", "verify"],
  );
  // Every webhook opens its channel's credentials before it can check the signature: a sealed
  // text always opens to the same value under this key, so each is decrypted once, not per
  // delivery. New credentials are a new sealed text; the oldest entries make room. Plain values
  // only (never a promise), so a Worker's isolate may keep it across requests.
  const opened = new Map<string, Record<string, string>>();
  return {
    async mac(text) {
      const sig = new Uint8Array(await crypto.subtle.sign("HMAC", macKey, new TextEncoder().encode(text)));
      return toBase64url(sig);
    },
    async checkMac(text, mac) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(mac)) return false;
      const sig = fromBase64url(mac);
      return crypto.subtle.verify("HMAC", macKey, sig, new TextEncoder().encode(text));
    },
    async seal(value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = new TextEncoder().encode(JSON.stringify(value));
      const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, data));
      return `v1.${toBase64(iv)}.${toBase64(cipher)}`;
    },
    async open(sealed) {
      const known = opened.get(sealed);
      if (known) return { ...known };
      const [version, iv, cipher] = sealed.split(".");
      if (version !== "v1" || !iv || !cipher) throw new Error("Unknown credential format.");
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(iv) }, key, fromBase64(cipher));
      const value = JSON.parse(new TextDecoder().decode(plain)) as Record<string, string>;
      if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value!);
      opened.set(sealed, value);
      return { ...value };
    },
  };
}
