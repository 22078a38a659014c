import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DeliveryKeys, WebhookRequest } from "@inbox/connectors";
import type { Core } from "../core.ts";
import { webhookEvents } from "../db/schema.ts";
import { getInboxRow } from "../services/read-model.ts";
import { connectorFor, contextFor, credentialsOf } from "./channel-access.ts";
import { applyInboundEvent } from "./inbound-events.ts";
import { storeInboundMedia } from "./inbound-media.ts";

type Row = typeof webhookEvents.$inferSelect;

/** How long a claim stands: longer than any webhook's processing (media downloads included). */
const CLAIM_MS = 120_000;

/**
 * Stored webhooks are processed here, after the platform has its 200: parse, download media,
 * apply each event. One failing event is logged and does not stop the others; a webhook for a
 * disabled channel is held and processed when the channel is enabled again. Each webhook is
 * claimed first with a conditional update, so of several processes that see it pending (Node
 * instances, a Worker and the scheduler's Durable Object) exactly one processes it.
 */
export class WebhookProcessor {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly core: Core) {}

  /**
   * Stores a verified webhook (already without its secrets); resolves once it is durable (then
   * it may be acknowledged). A delivery whose key is already stored is a redelivery: not stored
   * again ("duplicate"). A replay key already stored with another body is a replayed signature
   * ("replayed"): the caller refuses it.
   */
  async store(inboxId: string, req: WebhookRequest, keys: DeliveryKeys): Promise<"stored" | "duplicate" | "replayed"> {
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => (headers[k] = v));
    const body = new TextDecoder().decode(req.body);
    const [inserted] = (await this.core.writer.write([
      this.core.db
        .insert(webhookEvents)
        .values({
          inboxId,
          method: req.method,
          url: req.url.toString(),
          headers,
          body,
          state: "pending",
          receivedAt: this.core.now(),
          deliveryKey: keys.delivery,
          replayKey: keys.replay ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: webhookEvents.id }),
    ])) as [{ id: number }[]];
    if (inserted.length > 0) {
      void this.kick();
      return "stored";
    }
    if (keys.replay) {
      const [seen] = await this.core.db
        .select({ body: webhookEvents.body })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.inboxId, inboxId), eq(webhookEvents.replayKey, keys.replay)));
      if (seen && seen.body !== body) return "replayed";
    }
    return "duplicate";
  }

  /**
   * Processes what is pending, after those already being processed. Returns the work's promise
   * (it never rejects), e.g. for a Worker's `ctx.waitUntil`.
   */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = this.loop()
      .catch((err) => console.error("webhook processing failed", err))
      .finally(() => (this.running = null));
    this.running = run;
    return run;
  }

  /** Processes what is pending; webhooks are new input, so nothing is ever scheduled (null). */
  async runDue(_now?: number): Promise<number | null> {
    await this.kick();
    return null;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** A re-enabled channel: what arrived while it was disabled is shown now. */
  async release(inboxId: string): Promise<void> {
    await this.core.writer.write([
      this.core.db.update(webhookEvents).set({ state: "pending", claimedUntil: null }).where(and(eq(webhookEvents.inboxId, inboxId), eq(webhookEvents.state, "held"))),
    ]);
    void this.kick();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const now = this.core.now();
      const rows = await this.core.db
        .select()
        .from(webhookEvents)
        .where(and(eq(webhookEvents.state, "pending"), or(isNull(webhookEvents.claimedUntil), lt(webhookEvents.claimedUntil, now))))
        .orderBy(asc(webhookEvents.id))
        .limit(100);
      for (const row of rows) if (await this.claim(row.id)) await this.process(row);
      if (rows.length === 100) this.again = true;
    } while (this.again);
  }

  /** True if this process now owns the webhook: nobody else holds an unexpired claim on it. */
  private async claim(id: number): Promise<boolean> {
    const now = this.core.now();
    const res = await this.core.db.run(
      sql`update webhook_events set claimed_until = ${now + CLAIM_MS} where id = ${id} and state = 'pending' and (claimed_until is null or claimed_until < ${now})`,
    );
    return Number(res.rowsAffected) === 1;
  }

  private async process(row: Row): Promise<void> {
    const { core } = this;
    const inbox = await getInboxRow(core.db, row.inboxId);
    const connector = inbox && connectorFor(core, inbox.channel);
    if (!inbox || !connector) return this.finish([row.id], "failed", "The channel no longer exists.");
    if (inbox.status === "disabled") return this.finish([row.id], "held", null);
    try {
      const credentials = await credentialsOf(core, inbox);
      const ctx = contextFor(core, inbox, connector);
      const req: WebhookRequest = { method: row.method, url: new URL(row.url), headers: new Headers(row.headers), body: new TextEncoder().encode(row.body) };
      const events = await connector.parse(req, credentials);
      const errors: string[] = [];
      for (const event of events) {
        try {
          const withMedia = event.type === "message" || event.type === "edit" ? { ...event, content: await storeInboundMedia(core, event.content, connector, credentials, ctx, inbox) } : event;
          await applyInboundEvent(core, inbox, withMedia);
        } catch (err) {
          console.error(`webhook ${row.id}: an event failed`, err);
          errors.push(err instanceof Error ? err.message : String(err));
        }
      }
      await this.finish([row.id], errors.length ? "failed" : "done", errors.length ? errors.join("; ") : null);
    } catch (err) {
      console.error(`webhook ${row.id} could not be processed`, err);
      await this.finish([row.id], "failed", err instanceof Error ? err.message : String(err));
    }
  }

  private async finish(ids: number[], state: Row["state"], error: string | null): Promise<void> {
    await this.core.writer.write([this.core.db.update(webhookEvents).set({ state, error, claimedUntil: null }).where(inArray(webhookEvents.id, ids))]);
  }
}
