import { eq } from "drizzle-orm";
import type { Writes } from "../db/record.ts";
import { serverSecrets } from "../db/schema.ts";
import type { SecretBox } from "../security/secret-box.ts";
import { toBase64url } from "@inbox/connectors/src/crypto.ts";
import type { VapidKeys } from "./push-sender.ts";

const NAME = "vapid";

/**
 * The server's VAPID key pair: one per server, not per workspace. A browser holds one push
 * subscription per service worker, and every workspace of a server is served from the same
 * origin and service worker, so one key is what the browser can use; a person who signs into
 * another workspace on the same device keeps the same subscription (it moves to them).
 * Generated on first use (Node asks at start) with WebCrypto, so Node and Workers alike; stored
 * sealed with the secret box in `server_secrets`; the first writer wins when two processes race.
 */
export class VapidKeyStore {
  private loaded: Promise<VapidKeys> | null = null;

  constructor(private readonly core: Writes & { secrets: SecretBox }) {}

  get(): Promise<VapidKeys> {
    this.loaded ??= this.loadOrCreate().catch((err: unknown) => {
      this.loaded = null;
      throw err;
    });
    return this.loaded;
  }

  private async loadOrCreate(): Promise<VapidKeys> {
    const stored = await this.read();
    if (stored) return stored;
    const fresh = await generateVapidKeys();
    await this.core.writer.write([
      this.core.db
        .insert(serverSecrets)
        .values({ name: NAME, sealed: await this.core.secrets.seal({ ...fresh }), createdAt: this.core.now() })
        .onConflictDoNothing(),
    ]);
    const kept = await this.read();
    if (!kept) throw new Error("The server's push keys could not be stored.");
    return kept;
  }

  private async read(): Promise<VapidKeys | null> {
    const row = await this.core.db.query.serverSecrets.findFirst({ where: eq(serverSecrets.name, NAME) });
    if (!row) return null;
    const { publicKey, privateKey } = await this.core.secrets.open(row.sealed);
    if (!publicKey || !privateKey) throw new Error("The server's stored push keys are incomplete.");
    return { publicKey, privateKey };
  }
}

/** A P-256 key pair in the form VAPID libraries and browsers take (base64url raw point and scalar). */
export async function generateVapidKeys(): Promise<VapidKeys> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  const jwk = await crypto.subtle.exportKey("jwk", pair.privateKey);
  if (!jwk.d) throw new Error("The generated push key has no private part.");
  return { publicKey: toBase64url(raw), privateKey: jwk.d };
}
