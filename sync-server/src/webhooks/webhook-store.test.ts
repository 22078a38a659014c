import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { WebhookRequest } from "@inbox/connectors";
import { openNodeDatabase } from "../node/open-database.ts";
import { migrateDatabase } from "../node/migrate.ts";
import type { Database } from "../db/database.ts";
import { WriteQueue } from "../db/write-queue.ts";
import { inboxes, teams, webhookEvents, workspaces } from "../db/schema.ts";
import { WebhookStore } from "./webhook-store.ts";

// Deliveries arriving together are stored together (one insert, one commit), and each is
// answered only once it is durable, with the same outcomes as if each were stored alone.

let db: Database;
let close: () => void;
let writes: number;
let kicks: number;
let store: WebhookStore;

beforeAll(async () => {
  ({ db, close } = await openNodeDatabase("file::memory:"));
  await migrateDatabase(db);
  await db.insert(workspaces).values({ id: "w", name: "W", createdAt: 0 });
  await db.insert(teams).values({ id: "t", workspaceId: "w", name: "T" });
  await db.insert(inboxes).values({ id: "wa", workspaceId: "w", name: "WhatsApp", channel: "whatsapp", teamId: "t", settings: {}, createdAt: 0 });
});
afterAll(() => close());
beforeEach(async () => {
  await db.delete(webhookEvents);
  writes = 0;
  kicks = 0;
  const writer = new WriteQueue(db);
  const counted = Object.assign(Object.create(writer) as WriteQueue, { write: (s: Parameters<WriteQueue["write"]>[0]) => (writes++, writer.write(s)) });
  store = new WebhookStore({ db, writer: counted, now: () => 1000 }, () => kicks++);
});

function delivery(body: string): WebhookRequest {
  return { method: "POST", url: new URL("https://inbox.example/webhooks/whatsapp/wa"), headers: new Headers({ "content-type": "application/json" }), body: new TextEncoder().encode(body) };
}

async function storedBodies(): Promise<string[]> {
  return (await db.select({ body: webhookEvents.body }).from(webhookEvents).orderBy(webhookEvents.id)).map((r) => r.body);
}

describe("storing webhooks that arrive together", () => {
  it("stores concurrent deliveries with one write, each durable before its answer, in arrival order", async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => `{"n":${i}}`);
    const answers = await Promise.all(
      bodies.map(async (body, i) => {
        const outcome = await store.store("wa", delivery(body), { delivery: `body:${i}` });
        // Answered: the row is there for anyone who reads the record now.
        const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.deliveryKey, `body:${i}`));
        return { outcome, row };
      }),
    );
    for (const { outcome, row } of answers) {
      expect(outcome).toBe("stored");
      expect(row).toMatchObject({ state: "pending", inboxId: "wa" });
    }
    expect(writes).toBe(1);
    expect(kicks).toBe(1);
    expect(await storedBodies()).toEqual(bodies);
  });

  it("stores a redelivery arriving in the same batch once, and answers it like any redelivery", async () => {
    const outcomes = await Promise.all([
      store.store("wa", delivery('{"a":1}'), { delivery: "body:a" }),
      store.store("wa", delivery('{"a":1}'), { delivery: "body:a" }),
      store.store("wa", delivery('{"b":1}'), { delivery: "body:b" }),
    ]);
    expect(outcomes).toEqual(["stored", "duplicate", "stored"]);
    expect(await storedBodies()).toEqual(['{"a":1}', '{"b":1}']);
    // Redelivered later, on its own: still not stored again.
    expect(await store.store("wa", delivery('{"a":1}'), { delivery: "body:a" })).toBe("duplicate");
    expect(await storedBodies()).toHaveLength(2);
  });

  it("refuses a replayed signature with another body in the same batch", async () => {
    const outcomes = await Promise.all([
      store.store("wa", delivery("<xml>first</xml>"), { delivery: "msg:1", replay: "sig:x" }),
      store.store("wa", delivery("<xml>forged</xml>"), { delivery: "msg:2", replay: "sig:x" }),
    ]);
    expect(outcomes).toEqual(["stored", "replayed"]);
    expect(await storedBodies()).toEqual(["<xml>first</xml>"]);
  });

  it("a delivery that cannot be stored fails alone: the others of its batch are stored and answered", async () => {
    const outcomes = await Promise.allSettled([
      store.store("wa", delivery('{"ok":1}'), { delivery: "body:ok1" }),
      // Its inbox was deleted after the route found it: the foreign key refuses the row.
      store.store("gone", delivery('{"lost":1}'), { delivery: "body:gone" }),
      store.store("wa", delivery('{"ok":2}'), { delivery: "body:ok2" }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes.filter((o) => o.status === "fulfilled").map((o) => (o as PromiseFulfilledResult<string>).value)).toEqual(["stored", "stored"]);
    expect(await storedBodies()).toEqual(['{"ok":1}', '{"ok":2}']);
  });
});
