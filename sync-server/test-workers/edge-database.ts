/**
 * The libSQL side of the Workers build, for its tests and its bench: a real libSQL server (sqld)
 * migrated with the bundled migrations over `@libsql/client/web` (what `npm run db:migrate` does
 * remotely) and seeded with the demo workspace under a fresh secret key. Node-side only.
 */
import { createClient, type Client } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { platformConnectors } from "@inbox/connectors/registry";
import { migrateFromBundle } from "../src/db/migrate-bundle.ts";
import * as schema from "../src/db/schema.ts";
import { MemoryBlobStore } from "../src/media/blob-store.ts";
import { createSecretBox, type SecretBox } from "../src/security/secret-box.ts";
import { seedDemo, type SeedResult } from "../src/demo/index.ts";
import { startSqld, type Sqld } from "../src/testing/sqld.ts";

export interface EdgeDatabase {
  sqld: Sqld;
  client: Client;
  db: ReturnType<typeof drizzle<typeof schema>>;
  secrets: SecretBox;
  /** INBOX_SECRET_KEY as the Worker takes it: base64 of the 32-byte key. */
  secretKey: string;
  seed: SeedResult;
  stop(): Promise<void>;
}

export async function startEdgeDatabase(demoPassword: string): Promise<EdgeDatabase> {
  const sqld = await startSqld({ auth: true });
  const client = createClient({ url: sqld.url, authToken: sqld.authToken });
  try {
    await migrateFromBundle(client);
    const db = drizzle(client, { schema });
    const key = crypto.getRandomValues(new Uint8Array(32));
    const secrets = await createSecretBox(key);
    const seed = await seedDemo(db, demoPassword, { secrets, blobs: new MemoryBlobStore(), connectors: platformConnectors() });
    if (!seed.seeded) throw new Error("the demo workspace was not seeded");
    const stop = async () => {
      client.close();
      await sqld.stop();
    };
    return { sqld, client, db, secrets, secretKey: btoa(String.fromCharCode(...key)), seed, stop };
  } catch (err) {
    client.close();
    await sqld.stop();
    throw err;
  }
}
