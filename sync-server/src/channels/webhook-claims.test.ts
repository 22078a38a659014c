import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { messages, webhookEvents } from "../db/schema.ts";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

// Two processes on one record both see the same stored webhook pending (two Node instances; on
// Workers the receiving Worker and the scheduler's Durable Object): exactly one processes it.

let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ dir: a.dir, seed: false });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

/** A signed Telegram update stored as the webhook route stores it, but not yet processed. */
async function storedWebhook(externalId: string, text: string): Promise<number> {
  const inbox = (await a.core.db.query.inboxes.findMany()).find((r) => r.channel === "telegram")!;
  const credentials = await a.core.secrets.open(inbox.secretsEnc!);
  const customer = { externalId, name: `Customer ${externalId}` };
  const d = simulatorAdapters().telegram!.inbound({ kind: "text", text }, customer, `m-${crypto.randomUUID()}`, credentials, `${a.url}/simulator/platform/${inbox.id}`);
  const [row] = await a.core.db
    .insert(webhookEvents)
    .values({ inboxId: inbox.id, method: "POST", url: `${a.url}/webhooks/telegram/${inbox.id}`, headers: d.headers, body: d.body, state: "pending", receivedAt: Date.now() })
    .returning({ id: webhookEvents.id });
  return row!.id;
}

describe("stored webhooks are processed once across processes", () => {
  it("two processes kicking at once: each webhook is applied once and ends done, not failed", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push(await storedWebhook(`70000${i}`, `hello ${i}`));
    // Count how often the webhooks are parsed, over both processes: once each, not once per process.
    let parsed = 0;
    // (The two processes may share one connector object: count each object once.)
    for (const connector of new Set([a, b].map((server) => server.core.connectors.get("telegram")!))) {
      const parse = connector.parse.bind(connector);
      connector.parse = (...args) => {
        parsed++;
        return parse(...args);
      };
    }
    await Promise.all([a.core.webhooks.kick(), b.core.webhooks.kick(), a.core.webhooks.kick(), b.core.webhooks.kick()]);
    await Promise.all([a.core.webhooks.idle(), b.core.webhooks.idle()]);

    for (const id of ids) {
      const row = await a.core.db.query.webhookEvents.findFirst({ where: eq(webhookEvents.id, id) });
      expect({ state: row?.state, error: row?.error }).toEqual({ state: "done", error: null });
    }
    expect(parsed).toBe(10);
    for (let i = 0; i < 10; i++) {
      const stored = await a.core.db.select().from(messages).where(eq(messages.text, `hello ${i}`));
      expect(stored).toHaveLength(1);
    }
  });

  it("a claim left by a crashed process expires, and the webhook is processed then", async () => {
    const id = await storedWebhook("7100001", "after a crash");
    // Claimed by a process that died: nobody touches it while the claim stands.
    await a.core.db.update(webhookEvents).set({ claimedUntil: Date.now() + 60_000 }).where(eq(webhookEvents.id, id));
    await a.core.webhooks.kick();
    expect((await a.core.db.query.webhookEvents.findFirst({ where: eq(webhookEvents.id, id) }))?.state).toBe("pending");

    a.clock.offsetMs = 5 * 60_000;
    try {
      await a.core.webhooks.kick();
    } finally {
      a.clock.offsetMs = 0;
    }
    expect((await a.core.db.query.webhookEvents.findFirst({ where: eq(webhookEvents.id, id) }))?.state).toBe("done");
  });
});
