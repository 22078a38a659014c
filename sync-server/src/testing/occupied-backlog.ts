// Overload tests (issue 17) need a webhook backlog this process cannot work off: rows another
// live instance holds (a lease far ahead) count as backlog and are never claimed here.
import { eq } from "drizzle-orm";
import { webhookEvents } from "../db/schema.ts";
import type { TestServer } from "./test-server.ts";

const HOLDER = "another-instance";

/** Puts `n` held webhooks on `inboxId`'s backlog; resolves once admission says the server is behind. */
export async function occupyBacklog(server: TestServer, inboxId: string, n: number): Promise<void> {
  const now = Date.now();
  await server.core.db.insert(webhookEvents).values(
    Array.from({ length: n }, (_, i) => ({
      inboxId,
      method: "POST",
      url: "http://127.0.0.1/elsewhere",
      headers: {},
      body: "{}",
      state: "pending" as const,
      receivedAt: now,
      deliveryKey: `occupied-${inboxId}-${now}-${i}`,
      claimedBy: HOLDER,
      claimedUntil: now + 3600_000,
    })),
  );
  await server.core.webhooks.kick(); // a pass counts the backlog
  const overload = server.core.admission.overload();
  if (overload !== "webhook_backlog") throw new Error(`expected the webhook backlog to overload the server, admission says ${String(overload)}`);
}

/** Takes the held webhooks away; resolves once admission lets traffic in again. */
export async function releaseBacklog(server: TestServer): Promise<void> {
  await server.core.db.delete(webhookEvents).where(eq(webhookEvents.claimedBy, HOLDER));
  await server.core.webhooks.kick();
  const overload = server.core.admission.overload();
  if (overload !== null) throw new Error(`expected admission to clear, it says ${overload}`);
}
