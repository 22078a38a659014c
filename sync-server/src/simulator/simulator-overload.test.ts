import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { messages, webhookEvents } from "../db/schema.ts";
import { startTestServer, waitFor, type TestServer } from "../testing/test-server.ts";
import { occupyBacklog, releaseBacklog } from "../testing/occupied-backlog.ts";

// Overload (issue 17): the simulator's customer is refused with 503 while the server is behind;
// like Meta and Telegram, the simulator waits out Retry-After and sends the same webhook (same
// message id) again, so the demo's message arrives once the server catches up, and only once.

const LIMIT = 5;
let server: TestServer;
let inbox: { id: string; sample: { externalId: string; name: string } };
beforeAll(async () => {
  server = await startTestServer({ admission: { webhookBacklog: LIMIT, retryAfterSeconds: 1 } });
  await server.login("admin@demo.inbox");
  const { channels } = (await (await server.simulatorApi("/channels")).json()) as { channels: { id: string; channel: string; sample: typeof inbox.sample }[] };
  inbox = channels.find((c) => c.channel === "whatsapp")!;
});
afterAll(() => server.stop());

const arrived = async (text: string) =>
  server.core.db.select({ id: messages.id, externalId: messages.externalId }).from(messages).where(and(eq(messages.inboxId, inbox.id), eq(messages.text, text)));

describe("the simulator under overload", () => {
  it("waits out a 503's Retry-After and sends the same message again: it arrives once, after admission clears", { timeout: 60_000 }, async () => {
    const text = "Are you there? (sent while the server was busy)";
    await occupyBacklog(server, inbox.id, LIMIT + 1);
    const refusedBefore = server.core.admission.figures().refusedWebhooks;

    const acting = server.simulatorApi(`/inboxes/${inbox.id}/customer`, { customer: inbox.sample, action: { kind: "text", text } });
    // Refused at least once, and nothing of it stored while refused.
    await waitFor("the webhook refused", async () => server.core.admission.figures().refusedWebhooks > refusedBefore);
    const [kept] = await server.core.db.select({ n: sql<number>`count(*)` }).from(webhookEvents).where(and(eq(webhookEvents.inboxId, inbox.id), sql`${webhookEvents.claimedBy} is not 'another-instance'`, sql`${webhookEvents.body} like ${`%${text}%`}`));
    expect(Number(kept!.n)).toBe(0);

    await releaseBacklog(server);
    const res = await acting;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: number }).status).toBe(200);

    const rows = await waitFor("the message in the record", async () => {
      const found = await arrived(text);
      return found.length > 0 && found;
    });
    expect(rows).toHaveLength(1);
    // One delivery stored: the redelivery carried the first try's message id, not a new one.
    const [deliveries] = await server.core.db.select({ n: sql<number>`count(*)` }).from(webhookEvents).where(and(eq(webhookEvents.inboxId, inbox.id), sql`${webhookEvents.body} like ${`%${text}%`}`));
    expect(Number(deliveries!.n)).toBe(1);
    expect(await arrived(text)).toHaveLength(1);
  });
});
