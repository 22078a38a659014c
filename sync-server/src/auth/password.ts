import { fromBase64, fromHex, timingSafeEqual, toBase64 } from "@inbox/connectors/src/crypto.ts";

/**
 * Password hashes: scrypt, as OWASP's Password Storage Cheat Sheet recommends when Argon2id is
 * not available (Node 20 has no native Argon2; WebCrypto has neither). The cheat sheet lists
 * equally strong scrypt settings; we use N=2^14, r=8, p=5 (16 MiB per derivation) rather than
 * N=2^17, r=8, p=1 (128 MiB), because a Workers isolate has 128 MB of memory in all and the
 * same stored hash must verify on both runtimes (a workspace created on Node signs in on
 * Workers). Workers' WebCrypto caps PBKDF2 at 100,000 iterations, below OWASP's 600,000, so
 * PBKDF2 is kept only to verify (and replace) hashes written before.
 *
 * The KDF is a port: native `node:crypto` scrypt on Node (node/node-scrypt.ts), the pure-JS
 * @noble/hashes scrypt elsewhere (noble-scrypt.ts). Stored in the PHC string format,
 * `$scrypt$ln=14,r=8,p=5$<salt>$<hash>` (base64, no padding), so the cost can be raised later:
 * a sign-in with a weaker stored hash rewrites it (`rehash`).
 */
export interface ScryptParams {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

/** Derives `dkLen` bytes with scrypt; implemented per runtime. */
export type ScryptKdf = (password: Uint8Array, salt: Uint8Array, params: ScryptParams & { dkLen: number }) => Promise<Uint8Array>;

/** OWASP's scrypt setting that fits a Workers isolate (see above). */
export const OWASP_SCRYPT: ScryptParams = { ln: 14, r: 8, p: 5 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

export interface Verified {
  ok: boolean;
  /** The stored hash is weaker than the current setting: store a new one now that we have the password. */
  rehash: boolean;
}

export class PasswordHasher {
  constructor(
    private readonly kdf: ScryptKdf,
    readonly params: ScryptParams = OWASP_SCRYPT,
  ) {}

  async hash(password: string): Promise<string> {
    const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    const key = await this.kdf(utf8(password), salt, { ...this.params, dkLen: KEY_BYTES });
    const { ln, r, p } = this.params;
    return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
  }

  /**
   * Checks a password against a stored hash. With no stored hash (unknown email) the same work
   * is spent on a throwaway one, so the answer's timing does not tell which emails exist.
   */
  async verify(password: string, stored: string | null): Promise<Verified> {
    if (stored === null) {
      await this.kdf(utf8(password), new Uint8Array(SALT_BYTES), { ...this.params, dkLen: KEY_BYTES });
      return { ok: false, rehash: false };
    }
    const scrypt = parseScrypt(stored);
    if (scrypt) {
      const key = await this.kdf(utf8(password), scrypt.salt, { ...scrypt.params, dkLen: scrypt.key.length });
      const ok = timingSafeEqual(key, scrypt.key);
      return { ok, rehash: ok && cost(scrypt.params) < cost(this.params) };
    }
    const ok = await verifyPbkdf2(password, stored);
    return { ok, rehash: ok };
  }
}

/** Work per derivation: scrypt's time grows with N·r·p. */
const cost = (p: ScryptParams) => 2 ** p.ln * p.r * p.p;

const PHC_RE = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function parseScrypt(stored: string): { params: ScryptParams; salt: Uint8Array; key: Uint8Array } | null {
  const m = PHC_RE.exec(stored);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Bounds keep a tampered row from making one sign-in allocate gigabytes.
  if (params.ln < 1 || params.ln > 20 || params.r < 1 || params.r > 16 || params.p < 1 || params.p > 16) return null;
  return { params, salt: fromBase64(m[4]!), key: fromBase64(m[5]!) };
}

/** Hashes written before scrypt: `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>` (WebCrypto). */
async function verifyPbkdf2(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, saltHex, hashHex] = stored.split("$");
  const iterations = Number(iter);
  if (scheme !== "pbkdf2-sha256" || !saltHex || !hashHex || !Number.isInteger(iterations) || iterations < 1 || iterations > 100_000) return false;
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: fromHex(saltHex), iterations }, key, 256);
  return timingSafeEqual(new Uint8Array(bits), fromHex(hashHex));
}

/** NFKC, as NIST SP 800-63B asks, so the same password typed on another keyboard matches. */
const utf8 = (s: string) => new TextEncoder().encode(s.normalize("NFKC"));

/** PHC strings write base64 without its padding. */
const b64 = (bytes: Uint8Array) => toBase64(bytes).replace(/=+$/, "");
