import { and, eq, sql } from "drizzle-orm";
import type { DeliveryKeys, WebhookRequest } from "@inbox/connectors";
import type { Writes } from "../db/record.ts";
import { defer } from "../db/defer.ts";
import { insertJsonRows } from "../db/json-rows.ts";
import { webhookEvents } from "../db/schema.ts";

export type StoreOutcome = "stored" | "duplicate" | "replayed";

type Row = typeof webhookEvents.$inferInsert;

interface Arrival {
  row: Row;
  keys: DeliveryKeys;
  resolve(outcome: StoreOutcome): void;
  reject(err: unknown): void;
}

/** Most deliveries one insert stores. */
const MAX_ROWS = 500;

/**
 * Stores verified webhooks before they are acknowledged. Deliveries arriving in the same turn
 * of the event loop (a platform sends many at once) are written by one multi-row insert, which
 * the write queue commits with whatever else is waiting: one statement and one commit for all
 * of them, and each delivery's answer still waits for that commit. Repeats are told apart by
 * the unique delivery and replay keys, as for single inserts: the first of a batch is stored,
 * a redelivery in the same batch is a duplicate. If the batch fails (one delivery's inbox was
 * just deleted), each is stored on its own, so only that one fails.
 */
export class WebhookStore {
  private queue: Arrival[] = [];
  private scheduled = false;
  private unanswered = 0;

  constructor(
    private readonly core: Pick<Writes, "db" | "writer" | "now">,
    /** Called once per batch that stored something, with how many it stored (processing starts). */
    private readonly stored: (count: number) => void,
  ) {}

  /** Deliveries handed to `store` whose answer is not known yet (waiting for their insert's commit). */
  get waiting(): number {
    return this.unanswered;
  }

  /** Resolves once the webhook is durable (then it may be acknowledged), or was stored before. */
  store(inboxId: string, req: WebhookRequest, keys: DeliveryKeys): Promise<StoreOutcome> {
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => (headers[k] = v));
    const row: Row = {
      inboxId,
      method: req.method,
      url: req.url.toString(),
      headers,
      body: new TextDecoder().decode(req.body),
      state: "pending",
      receivedAt: this.core.now(),
      deliveryKey: keys.delivery,
      replayKey: keys.replay ?? null,
    };
    this.unanswered++;
    const settled = () => this.unanswered--;
    return new Promise<StoreOutcome>((resolve, reject) => {
      this.queue.push({ row, keys, resolve, reject });
      this.schedule();
    }).finally(settled);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    defer(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, MAX_ROWS);
    if (this.queue.length > 0) this.schedule();
    this.write(batch).then(
      (count) => count > 0 && this.stored(count),
      (err: unknown) => batch.forEach((a) => a.reject(err)), // settles only those still waiting
    );
  }

  /** Writes a batch and answers each arrival; how many were stored. */
  private async write(batch: Arrival[]): Promise<number> {
    let inserted: { inboxId: string; deliveryKey: string | null }[];
    try {
      // Rows travel as one JSON parameter (db/json-rows.ts): the same statement for any batch.
      const [rows] = await this.core.writer.write([
        this.core.db.all(insertJsonRows(webhookEvents, batch.map((a) => a.row), sql`on conflict do nothing returning inbox_id, delivery_key`)),
      ]);
      inserted = (rows as { inbox_id: string; delivery_key: string | null }[]).map((r) => ({ inboxId: r.inbox_id, deliveryKey: r.delivery_key }));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return 0;
      }
      const each = await Promise.all(batch.map((a) => this.write([a])));
      return each.reduce((sum, n) => sum + n, 0);
    }
    // A conflicting row is left out of RETURNING; of several arrivals with one key, the
    // first was inserted (the rows are inserted in their order).
    const fresh = new Set(inserted.map((r) => `${r.inboxId}\n${r.deliveryKey}`));
    let count = 0;
    for (const arrival of batch) {
      const key = `${arrival.row.inboxId}\n${arrival.row.deliveryKey}`;
      if (fresh.delete(key)) {
        count++;
        arrival.resolve("stored");
      } else {
        this.repeated(arrival).then(arrival.resolve, arrival.reject);
      }
    }
    return count;
  }

  /**
   * A delivery whose key is already stored is a redelivery: not stored again ("duplicate"). A
   * replay key already stored with another body is a replayed signature ("replayed").
   */
  private async repeated({ row, keys }: Arrival): Promise<StoreOutcome> {
    if (!keys.replay) return "duplicate";
    const [seen] = await this.core.db
      .select({ body: webhookEvents.body })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.inboxId, row.inboxId), eq(webhookEvents.replayKey, keys.replay)));
    return seen && seen.body !== row.body ? "replayed" : "duplicate";
  }
}
