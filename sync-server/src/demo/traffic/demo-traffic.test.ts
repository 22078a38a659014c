import { newId } from "@inbox/shared";
import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, StartupRefusal } from "../../config.ts";
import { conversations, inboxes, messages, webhookEvents } from "../../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../../testing/test-server.ts";
import type { DemoTrafficOptions } from "./demo-traffic.ts";

// A fast pace (a new chat every few tens of milliseconds, answers within tens more) so the
// tests see traffic on every channel within seconds; the demo's own pace is seconds apart.
const FAST: Partial<DemoTrafficOptions> = { seed: 7, newChatEveryMs: 30, tickMs: 10, replyCheckMs: 10, replyAfterMs: [10, 40], nudgeAfterMs: 600_000, maxOpen: 200 };
const ALL_CHANNELS = ["instagram", "line", "messenger", "telegram", "webchat", "wechat", "whatsapp"];

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

async function start(opts: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(opts);
  servers.push(server);
  return server;
}

/** New chats (after the seed's) by channel, oldest first. */
async function newChats(server: TestServer, since: number) {
  return server.core.db
    .select({ id: conversations.id, channel: conversations.channel, contactName: conversations.contactName, inboxId: conversations.inboxId })
    .from(conversations)
    .where(gte(conversations.createdAt, since))
    .orderBy(asc(conversations.createdAt), asc(conversations.id));
}

describe("demo traffic", () => {
  it("plays customers on all seven channels, each through the channel's own webhook route or the widget API", { timeout: 60_000 }, async () => {
    const since = Date.now();
    const server = await start({ demoTraffic: FAST });
    expect(server.demoTraffic!.channels()).toEqual(ALL_CHANNELS);
    const chats = await waitFor(
      "new chats on every channel",
      async () => {
        const rows = await newChats(server, since);
        return new Set(rows.map((r) => r.channel)).size === ALL_CHANNELS.length && rows;
      },
      30_000,
    );
    // Platform messages arrived as signed webhooks the connectors processed, not as rows.
    const platformInboxes = [...new Set(chats.filter((c) => c.channel !== "webchat").map((c) => c.inboxId))];
    // A chat's row is written while its webhook is processed; the webhook is marked done just
    // after, so on a busy machine the newest channel's event may still be "processing" here.
    const processed = await waitFor(
      "every platform inbox's webhooks processed",
      async () => {
        const rows = await server.core.db
          .select({ inboxId: webhookEvents.inboxId, n: sql<number>`count(*)` })
          .from(webhookEvents)
          .where(eq(webhookEvents.state, "done"))
          .groupBy(webhookEvents.inboxId);
        return platformInboxes.every((id) => (rows.find((p) => p.inboxId === id)?.n ?? 0) > 0) && rows;
      },
      30_000,
    );
    for (const inboxId of platformInboxes) expect(processed.find((p) => p.inboxId === inboxId)?.n ?? 0).toBeGreaterThan(0);
    const webchat = chats.find((c) => c.channel === "webchat")!;
    const [first] = await server.core.db.select().from(messages).where(eq(messages.conversationId, webchat.id)).limit(1);
    expect(first).toMatchObject({ direction: "inbound", senderKind: "customer" });
  });

  it("answers agents' replies after a while, as customers would", { timeout: 60_000 }, async () => {
    const since = Date.now();
    const server = await start({ demoTraffic: { ...FAST, newChatEveryMs: 100 } });
    const round = await waitFor("a chat on every channel", async () => {
      const rows = await newChats(server, since);
      return new Set(rows.map((r) => r.channel)).size === ALL_CHANNELS.length && rows;
    }, 30_000);
    const admin = await server.login("admin@demo.inbox");
    const repliedAt = new Map<string, number>();
    for (const chat of round) {
      const sent = await server.api(`/api/conversations/${chat.id}/messages`, { method: "POST", token: admin, json: { clientId: newId(), text: "Hi! Let me check that for you." } });
      expect(sent.status).toBe(201);
      repliedAt.set(chat.id, ((await sent.json()) as { message: { createdAt: number } }).message.createdAt);
    }
    // Customers read the reply on their (simulated) platform or widget and write back, say
    // thanks, or go quiet; with this seed some write back, on a platform channel among others.
    const answered = await waitFor(
      "customers' answers on a platform channel and on web chat",
      async () => {
        const rows = await server.core.db
          .select({ conversationId: messages.conversationId, at: messages.createdAt, senderKind: messages.senderKind })
          .from(messages)
          .where(and(inArray(messages.conversationId, [...repliedAt.keys()]), eq(messages.direction, "inbound")));
        const after = rows.filter((r) => r.at > repliedAt.get(r.conversationId)!);
        const channels = new Set(after.map((r) => round.find((c) => c.id === r.conversationId)!.channel));
        return channels.size >= 2 && [...channels].some((c) => c !== "webchat") && after;
      },
      30_000,
    );
    expect(answered.every((r) => r.senderKind === "customer")).toBe(true);
    const stats = server.demoTraffic!.stats();
    expect(stats.answered + stats.thanked).toBeGreaterThanOrEqual(2);
  });

  it("opens no new chats while the demo workspace has its limit of unresolved ones", { timeout: 60_000 }, async () => {
    const server = await start({ demoTraffic: { ...FAST, maxOpen: 12 } });
    const traffic = server.demoTraffic!;
    await waitFor("a new chat held back", () => traffic.stats().heldBack >= 3, 30_000);
    const [row] = await server.core.db.select({ n: sql<number>`count(*)` }).from(conversations).where(ne(conversations.status, "resolved"));
    expect(row!.n).toBeLessThanOrEqual(12);
    expect(row!.n).toBeGreaterThanOrEqual(12 - 1); // it did fill up to the limit (the seed has a few already)
  });

  it("replays the same customers on the same channels for the same seed", { timeout: 60_000 }, async () => {
    const firstFourteen = async () => {
      const server = await start({ demoTraffic: FAST });
      await waitFor("fourteen customers", () => server.demoTraffic!.stats().recent.length >= 14, 30_000);
      await server.demoTraffic!.stop();
      return server.demoTraffic!.stats().recent.slice(0, 14);
    };
    const a = await firstFourteen();
    const b = await firstFourteen();
    expect(new Set(a.slice(0, 7).map((x) => x.channel)).size).toBe(7); // each round visits every channel
    expect(new Set(a.slice(7).map((x) => x.channel)).size).toBe(7);
    expect(b).toEqual(a);
  });

  it("is off unless asked for, and refuses to run without the demo and its simulator", async () => {
    expect(loadConfig({}).DEMO_TRAFFIC).toBe(false);
    expect(loadConfig({ DEMO_TRAFFIC: "1" }).DEMO_TRAFFIC).toBe(true);
    const plain = await start({});
    expect(plain.demoTraffic).toBeNull();
    await expect(startTestServer({ simulator: false, demoTraffic: {} })).rejects.toThrow(/DEMO_TRAFFIC needs the demo/);
    await expect(startTestServer({ seed: false, demoTraffic: {} })).rejects.toThrow(/DEMO_TRAFFIC needs the demo/);
    // The entry prints a refusal as one sentence, without a stack trace (node.ts).
    await expect(startTestServer({ seed: false, demoTraffic: {} })).rejects.toBeInstanceOf(StartupRefusal);
  });
});
