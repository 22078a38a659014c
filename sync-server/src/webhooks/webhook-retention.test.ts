import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { webhookEvents } from "../db/schema.ts";
import { runDueJobs } from "../scheduling/jobs.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { webhookRetentionFrom } from "./webhook-retention.ts";

// Every delivery is stored, so without pruning `webhook_events` grows forever. Processed ones
// go after a retention window (failed ones, which admins look into, after a longer one); what
// is not processed yet never does.

const DAY = 24 * 3600_000;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function stored(state: "pending" | "held" | "done" | "failed", ageDays: number): Promise<number> {
  const inbox = (await server.core.db.query.inboxes.findMany()).find((r) => r.channel === "telegram")!;
  const at = Date.now() - ageDays * DAY;
  const [row] = await server.core.db
    .insert(webhookEvents)
    .values({
      inboxId: inbox.id,
      method: "POST",
      url: `${server.url}/webhooks/telegram/${inbox.id}`,
      headers: {},
      body: "{}",
      state,
      receivedAt: at,
      processedAt: state === "done" || state === "failed" ? at : null,
    })
    .returning({ id: webhookEvents.id });
  return row!.id;
}

describe("processed webhooks are pruned after the retention window", () => {
  it("the scheduled jobs delete done webhooks after 7 days and failed ones after 30, never pending or held ones", async () => {
    const rows = {
      doneOld: await stored("done", 8),
      doneRecent: await stored("done", 6),
      failedWeekOld: await stored("failed", 8),
      failedOld: await stored("failed", 31),
      pendingOld: await stored("pending", 40),
      heldOld: await stored("held", 40),
    };
    // What a Worker's scheduler alarm runs (and the Node server's hourly timer runs the same pass).
    const next = await runDueJobs(server.core);
    const left = await server.core.db.select({ id: webhookEvents.id }).from(webhookEvents).where(inArray(webhookEvents.id, Object.values(rows)));
    const kept = Object.entries(rows)
      .filter(([, id]) => left.some((r) => r.id === id))
      .map(([name]) => name);
    expect(kept.sort()).toEqual(["doneRecent", "failedWeekOld", "heldOld", "pendingOld"]);
    // The alarm comes back by the time the next one ages out (the recent done one, in a day).
    expect(next).not.toBeNull();
    expect(next!).toBeLessThanOrEqual(Date.now() + DAY);
  });

  it("the windows come from the environment, in days, and a nonsense value is refused in words", () => {
    expect(webhookRetentionFrom({ WEBHOOK_RETENTION_DAYS: "2", WEBHOOK_FAILED_RETENTION_DAYS: "90" })).toEqual({ doneMs: 2 * DAY, failedMs: 90 * DAY });
    expect(webhookRetentionFrom({})).toEqual({ doneMs: 7 * DAY, failedMs: 30 * DAY });
    expect(() => webhookRetentionFrom({ WEBHOOK_RETENTION_DAYS: "forever" })).toThrow(/WEBHOOK_RETENTION_DAYS must be a positive number of days/);
  });
});
