import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookEvents } from "../db/schema.ts";
import { Admission, DEFAULT_ADMISSION_LIMITS } from "../http/admission.ts";
import { occupyBacklog, releaseBacklog } from "../testing/occupied-backlog.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { newBacklogReading } from "./backlog-reading.ts";
import { WebhookProcessor } from "./webhook-processor.ts";

// The Workers build's admission control (issue 17): each request there has its own core, so the
// webhook backlog is counted into the isolate's shared reading, at most once per interval. Here
// two processors over one reading stand for two requests of one isolate, on a real libSQL file;
// one counting only stands for the widget's Durable Object, which takes messages but no webhooks.

const LIMIT = 10;
const EVERY_MS = 60_000;
let server: TestServer;
let inboxId: string;
beforeAll(async () => {
  server = await startTestServer({ admission: { webhookBacklog: LIMIT } });
  inboxId = (await server.core.db.query.inboxes.findMany())[0]!.id;
});
afterAll(() => server.stop());

const admissionOver = (p: WebhookProcessor) =>
  new Admission({ ...DEFAULT_ADMISSION_LIMITS, webhookBacklog: LIMIT }, { webhookBacklog: () => p.backlog(), writeQueue: () => 0, eventLoopLagMs: () => 0 });

describe("the isolate's backlog reading (Workers)", () => {
  it("one request's count makes the next request refuse, and a reading past its age is counted again before traffic is let in", async () => {
    await occupyBacklog(server, inboxId, LIMIT + 1);
    const reading = newBacklogReading();
    const first = new WebhookProcessor(server.core, { atLeast: LIMIT + 1, reading, everyMs: EVERY_MS });
    // Never counted: the first delivery is let in, and its read of the gauge starts a count.
    expect(admissionOver(first).overload()).toBeNull();
    await first.idle();
    expect(reading.counted).toBe(LIMIT + 1);

    // Another request of the isolate, with a core of its own: refused on the shared reading.
    const second = new WebhookProcessor(server.core, { atLeast: LIMIT + 1, reading, everyMs: EVERY_MS });
    const admission = admissionOver(second);
    expect(admission.overload()).toBe("webhook_backlog");
    expect(() => admission.admitWebhook(true)).toThrow(expect.objectContaining({ status: 503 }));

    // The record catches up; within the interval the reading stands (no count per delivery)...
    await releaseBacklog(server);
    const counted = reading.at;
    expect(admission.overload()).toBe("webhook_backlog");
    await second.idle();
    expect(reading.at).toBe(counted);
    // ...and once it is that old, a delivery's read counts again and traffic goes in.
    server.clock.offsetMs += EVERY_MS;
    admission.overload();
    await second.idle();
    expect(reading.at).toBeGreaterThan(counted!);
    expect(admission.overload()).toBeNull();
  });

  it("a core that counts only (the widget's Durable Object) refuses on its own count and processes nothing", async () => {
    await occupyBacklog(server, inboxId, LIMIT + 1);
    // Nobody else processes meanwhile: the claimable webhook below stays as this core leaves it.
    server.core.webhooks.stop();
    const [claimable] = await server.core.db
      .insert(webhookEvents)
      .values({ inboxId, method: "POST", url: "http://127.0.0.1/claimable", headers: {}, body: "{}", state: "pending", receivedAt: Date.now(), deliveryKey: `claimable-${Date.now()}` })
      .returning({ id: webhookEvents.id });
    try {
      const visitor = new WebhookProcessor(server.core, { atLeast: LIMIT + 1, everyMs: EVERY_MS, countOnly: true });
      const admission = admissionOver(visitor);
      // Never counted: the first message is let in, and its read of the gauge starts a count.
      expect(admission.overload()).toBeNull();
      await vi.waitFor(() => expect(admission.overload()).toBe("webhook_backlog"));
      expect(() => admission.admitWidgetMessage("busy")).toThrow(expect.objectContaining({ status: 503 }));
      // Counted, not processed: the webhook anyone may claim is still waiting, unclaimed.
      const [row] = await server.core.db.select().from(webhookEvents).where(eq(webhookEvents.id, claimable!.id));
      expect(row).toMatchObject({ state: "pending", claimedBy: null, processedAt: null });
    } finally {
      await server.core.db.delete(webhookEvents).where(eq(webhookEvents.id, claimable!.id));
      server.core.webhooks.start();
      await releaseBacklog(server);
    }
  });

  it("a core that does not count (a Durable Object's) never refuses", async () => {
    await occupyBacklog(server, inboxId, LIMIT + 1);
    const uncounted = new WebhookProcessor(server.core);
    expect(admissionOver(uncounted).overload()).toBeNull();
    await uncounted.idle();
    expect(admissionOver(uncounted).overload()).toBeNull();
    await releaseBacklog(server);
  });
});
