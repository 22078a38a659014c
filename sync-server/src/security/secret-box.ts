/**
 * Encrypts channel credentials at rest with AES-256-GCM (WebCrypto, so Node and Workers agree).
 * The key comes from the runtime's configuration, never from the repository or the database.
 */
export interface SecretBox {
  seal(value: Record<string, string>): Promise<string>;
  open(sealed: string): Promise<Record<string, string>>;
}

export async function createSecretBox(rawKey: Uint8Array): Promise<SecretBox> {
  if (rawKey.length !== 32) throw new Error("The secret key must be 32 bytes (base64 of 32 random bytes).");
  const key = await crypto.subtle.importKey("raw", rawKey as Uint8Array<ArrayBuffer>, "AES-GCM", false, ["encrypt", "decrypt"]);
  return {
    async seal(value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = new TextEncoder().encode(JSON.stringify(value));
      const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, data));
      return `v1.${b64(iv)}.${b64(cipher)}`;
    },
    async open(sealed) {
      const [version, iv, cipher] = sealed.split(".");
      if (version !== "v1" || !iv || !cipher) throw new Error("Unknown credential format.");
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(iv) }, key, unb64(cipher));
      return JSON.parse(new TextDecoder().decode(plain)) as Record<string, string>;
    },
  };
}

function b64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function unb64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
