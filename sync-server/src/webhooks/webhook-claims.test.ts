import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, inArray } from "drizzle-orm";
import type { Connector } from "@inbox/connectors";
import { conversations, messages, webhookEvents } from "../db/schema.ts";
import { simulatorAdapters } from "../simulator/adapters/index.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";

// Several processes on one record see the same stored webhooks pending (two Node instances; on
// Workers the receiving Worker and the scheduler's Durable Object): each webhook is applied by
// exactly one at a time, and none is left behind when a process dies holding it.

// Short, so tests of dead holders finish quickly; long enough that a live holder's renewals
// (every third of it) survive a stalled event loop on a loaded machine.
const LEASE_MS = 2000;
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer({ instanceId: "server-a", leaseMs: LEASE_MS });
  b = await startTestServer({ dir: a.dir, seed: false, instanceId: "server-b", leaseMs: LEASE_MS });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

async function telegramInbox() {
  return (await a.core.db.query.inboxes.findMany()).find((r) => r.channel === "telegram")!;
}

/** A signed Telegram update stored as the webhook route stores it, but not yet processed. */
async function storedWebhook(externalId: string, text: string, claim: { claimedUntil?: number; claimedBy?: string } = {}): Promise<number> {
  const inbox = await telegramInbox();
  const credentials = await a.core.secrets.open(inbox.secretsEnc!);
  const customer = { externalId, name: `Customer ${externalId}` };
  const d = simulatorAdapters().telegram!.inbound({ kind: "text", text }, customer, `m-${crypto.randomUUID()}`, credentials, `${a.url}/simulator/platform/${inbox.id}`);
  const [row] = await a.core.db
    .insert(webhookEvents)
    .values({ inboxId: inbox.id, method: "POST", url: `${a.url}/webhooks/telegram/${inbox.id}`, headers: d.headers, body: d.body, state: "pending", receivedAt: Date.now(), ...claim })
    .returning({ id: webhookEvents.id });
  return row!.id;
}

async function stateOf(id: number) {
  return (await a.core.db.query.webhookEvents.findFirst({ where: eq(webhookEvents.id, id) }))?.state;
}

/** Wraps the Telegram connector's parse of both processes (they may share one object: each once). */
function aroundParse(wrap: (parse: Connector["parse"]) => Connector["parse"]): () => void {
  const restores: (() => void)[] = [];
  for (const connector of new Set([a, b].map((server) => server.core.connectors.get("telegram")!))) {
    const original = connector.parse;
    connector.parse = wrap(original.bind(connector));
    restores.push(() => (connector.parse = original));
  }
  return () => restores.forEach((r) => r());
}

describe("stored webhooks are processed once across processes", () => {
  it("two processes kicking at once: each webhook is applied once and ends done, not failed", async () => {
    let parsed = 0;
    const restore = aroundParse((parse) => (...args) => {
      parsed++;
      return parse(...args);
    });
    const ids: number[] = [];
    try {
      for (let i = 0; i < 10; i++) ids.push(await storedWebhook(`70000${i}`, `hello ${i}`));
      await Promise.all([a.core.webhooks.kick(), b.core.webhooks.kick(), a.core.webhooks.kick(), b.core.webhooks.kick()]);
      await Promise.all([a.core.webhooks.idle(), b.core.webhooks.idle()]);
    } finally {
      restore();
    }
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

  it("with no further traffic, a webhook whose holder died is processed once its lease runs out", async () => {
    // Claimed by a process that was killed: its short lease is not renewed. Nothing kicks;
    // the sweep finds it.
    const id = await storedWebhook("7100001", "after a crash", { claimedUntil: Date.now() + LEASE_MS, claimedBy: "killed-server/process-1" });
    await waitFor("the orphaned webhook processed by the sweep", async () => (await stateOf(id)) === "done", 15_000);
    expect(await a.core.db.select().from(messages).where(eq(messages.text, "after a crash"))).toHaveLength(1);
  });

  it("a restarted server takes back at once what its killed predecessor held, however long the claim", async () => {
    const id = await storedWebhook("7100002", "held by the previous process", { claimedUntil: Date.now() + 3600_000, claimedBy: "server-c/previous-process" });
    // Another instance's claim stands: server-b does not touch it.
    await b.core.webhooks.kick();
    expect(await stateOf(id)).toBe("pending");
    const c = await startTestServer({ dir: a.dir, seed: false, instanceId: "server-c", leaseMs: LEASE_MS });
    try {
      await waitFor("the restarted server processed its predecessor's webhook", async () => (await stateOf(id)) === "done");
    } finally {
      await c.stop();
    }
  });

  it("the live holder renews its lease while it works, so nobody else takes the webhook meanwhile", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let parsed = 0;
    const restore = aroundParse((parse) => async (...args) => {
      parsed++;
      await gate;
      return parse(...args);
    });
    try {
      const id = await storedWebhook("7100003", "slow to process");
      void a.core.webhooks.kick();
      // Whoever took it first (a's kick, or b's periodic sweep) is the live holder.
      await waitFor("a process started on it", () => parsed === 1);
      const first = (await a.core.db.query.webhookEvents.findFirst({ where: eq(webhookEvents.id, id) }))!;
      const [holder, other] = first.claimedBy === a.core.holder.id ? [a, b] : [b, a];
      expect(first.claimedBy).toBe(holder.core.holder.id);
      // Well past the first lease's end, the claim still stands, renewed by its live holder.
      await waitFor("the lease renewed past its first end", async () => {
        const row = await a.core.db.query.webhookEvents.findFirst({ where: eq(webhookEvents.id, id) });
        return Date.now() > first.claimedUntil! + LEASE_MS && row!.claimedUntil! > Date.now() && row!.claimedBy === holder.core.holder.id;
      }, 15_000);
      await other.core.webhooks.kick();
      expect(parsed).toBe(1);
      release();
      await holder.core.webhooks.idle();
      expect(await stateOf(id)).toBe("done");
      expect(await a.core.db.select().from(messages).where(eq(messages.text, "slow to process"))).toHaveLength(1);
    } finally {
      release();
      restore();
    }
  });
});

describe("a flood is processed in batches", () => {
  it("many customers' webhooks share commits, and each customer's messages keep their order", async () => {
    const customers = 40;
    const each = 5;
    const ids: number[] = [];
    // Only `a` works, so its commits are counted; and neither sweep may start on the flood while
    // it is being stored (two processes on one customer at once is the known cross-instance
    // ordering limit, not what this test is about).
    for (const server of [a, b]) {
      server.core.webhooks.stop();
      await server.core.webhooks.idle();
    }
    // Stored as a flood leaves them: all pending, nothing processed yet.
    for (let m = 0; m < each; m++) for (let c = 0; c < customers; c++) ids.push(await storedWebhook(`72${String(c).padStart(5, "0")}`, `flood ${c} part ${m + 1}`));
    const batch = a.core.db.batch.bind(a.core.db);
    let commits = 0;
    a.core.db.batch = ((...args: Parameters<typeof batch>) => {
      commits++;
      return batch(...args);
    }) as unknown as typeof batch;
    try {
      await a.core.webhooks.kick();
      await a.core.webhooks.idle();
    } finally {
      a.core.db.batch = batch;
      a.core.webhooks.start();
      b.core.webhooks.start();
    }
    const rows = await a.core.db.select({ state: webhookEvents.state }).from(webhookEvents).where(inArray(webhookEvents.id, ids));
    expect(rows.every((r) => r.state === "done")).toBe(true);
    // One at a time, each webhook took at least three commits (claim, message, outcome).
    expect(commits).toBeLessThan(ids.length / 4);
    for (let c = 0; c < customers; c++) {
      const inOrder = await a.core.db
        .select({ text: messages.text })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(eq(conversations.contactName, `Customer 72${String(c).padStart(5, "0")}`))
        .orderBy(asc(messages.position));
      expect(inOrder.map((r) => r.text)).toEqual(Array.from({ length: each }, (_, m) => `flood ${c} part ${m + 1}`));
    }
  });
});
