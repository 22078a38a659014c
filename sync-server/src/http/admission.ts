import { HttpError } from "./http-error.ts";

/**
 * Admission control at the edge (issue 17). One Node process saturates at some tens of messages
 * a second; past that, everything it accepts waits in memory (requests, closures, queued
 * writes) and every answer gets later, without bound. So when the work already accepted is
 * beyond a limit, new work that its sender will send again is refused before it is read or
 * stored: 503 with Retry-After, nothing kept. Platforms that redeliver reliably (Meta, Telegram)
 * and the widget (its outbox retries with the same clientId) get that; platforms that may not
 * retry (WeChat, LINE) are still stored and answered 200, because storing is cheap (one row in a
 * group-committed insert) and refusing them could lose a customer's message.
 *
 * Three gauges say how far behind the server is:
 * - the webhook backlog: deliveries stored but not processed yet (they are safe on disk, but
 *   each one is a customer's message nobody sees yet), counted from the record by the processor
 *   and kept current between counts (webhooks/webhook-processor.ts `backlog`);
 * - the write queue: jobs waiting for the one SQLite writer (db/write-queue.ts `depth`); every
 *   request that writes waits behind them;
 * - the event loop's lag (Node: node/event-loop-lag.ts, ms of the last second due timers waited):
 *   the one JavaScript thread is saturated, or starved of a CPU on a busy box, and every request
 *   already waits that long before it is even read. The load test at 500 agents was behind this
 *   way with neither of the others growing.
 * Any beyond its limit is overload. The gauges are this process's view: on Node (one process
 * per database, or several sharing it) that is the box's. On Workers each request has its own
 * core, so the write queue is that request's and there is no event loop to measure; the webhook
 * backlog is the record's, as the isolate last counted it (worker/worker-core.ts), so a
 * deployment whose processing falls behind refuses there too.
 */
export interface AdmissionLimits {
  /** Stored webhooks not processed yet beyond which retrying senders are refused (OVERLOAD_WEBHOOK_BACKLOG). */
  webhookBacklog: number;
  /** Jobs waiting for the database writer beyond which retrying senders are refused (OVERLOAD_WRITE_QUEUE). */
  writeQueue: number;
  /** Ms of the last second the event loop was behind (0–1000) beyond which retrying senders are refused (OVERLOAD_EVENT_LOOP_LAG_MS; Node only). */
  eventLoopLagMs: number;
  /** What Retry-After tells a refused sender, in seconds (OVERLOAD_RETRY_AFTER_SECONDS). */
  retryAfterSeconds: number;
}

/**
 * 2,000 stored webhooks is about half a minute of processing at the rate one saturated process
 * keeps (docs/SCALING.md: ~50–90 messages/s): customers' messages are already that late to reach
 * an agent, and more would only make them later. 1,000 queued write jobs is four full group
 * commits (256 jobs each) waiting: every write request already waits for them. An event loop
 * behind for half of the last second is a process that cannot keep up with what it has, where a
 * healthy one is behind a few ms a second (a garbage-collection pause: tens of ms, once). Retry-After 10 s:
 * the widget tries again then (Meta and Telegram keep their own schedules).
 */
export const DEFAULT_ADMISSION_LIMITS: AdmissionLimits = { webhookBacklog: 2000, writeQueue: 1000, eventLoopLagMs: 500, retryAfterSeconds: 10 };

/** Reads OVERLOAD_WEBHOOK_BACKLOG, OVERLOAD_WRITE_QUEUE, OVERLOAD_EVENT_LOOP_LAG_MS and OVERLOAD_RETRY_AFTER_SECONDS (unset: the defaults). */
export function admissionLimitsFrom(env: {
  OVERLOAD_WEBHOOK_BACKLOG?: string | number;
  OVERLOAD_WRITE_QUEUE?: string | number;
  OVERLOAD_EVENT_LOOP_LAG_MS?: string | number;
  OVERLOAD_RETRY_AFTER_SECONDS?: string | number;
}): AdmissionLimits {
  const whole = (value: string | number | undefined, fallback: number, name: string, min: number) => {
    if (value === undefined || value === "") return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${value}".`);
    return n;
  };
  return {
    webhookBacklog: whole(env.OVERLOAD_WEBHOOK_BACKLOG, DEFAULT_ADMISSION_LIMITS.webhookBacklog, "OVERLOAD_WEBHOOK_BACKLOG", 0),
    writeQueue: whole(env.OVERLOAD_WRITE_QUEUE, DEFAULT_ADMISSION_LIMITS.writeQueue, "OVERLOAD_WRITE_QUEUE", 0),
    eventLoopLagMs: whole(env.OVERLOAD_EVENT_LOOP_LAG_MS, DEFAULT_ADMISSION_LIMITS.eventLoopLagMs, "OVERLOAD_EVENT_LOOP_LAG_MS", 1),
    retryAfterSeconds: whole(env.OVERLOAD_RETRY_AFTER_SECONDS, DEFAULT_ADMISSION_LIMITS.retryAfterSeconds, "OVERLOAD_RETRY_AFTER_SECONDS", 1),
  };
}

/** How far behind the server is, read when a request arrives (cheap: no I/O). */
export interface LoadGauges {
  webhookBacklog(): number;
  writeQueue(): number;
  /** Ms of the last second the event loop was behind (0 where the runtime has no such gauge). */
  eventLoopLagMs(): number;
}

export type OverloadReason = "webhook_backlog" | "write_queue" | "event_loop_lag";

/** What `/healthz` shows operators: the gauges, the limits, and what overload did so far. */
export interface AdmissionFigures {
  webhookBacklog: number;
  writeQueue: number;
  eventLoopLagMs: number;
  limits: AdmissionLimits;
  overloaded: OverloadReason | null;
  /** Since start: webhooks refused with 503, widget messages refused with 503, webhooks stored while overloaded (their platform may not retry). */
  refusedWebhooks: number;
  refusedWidgetMessages: number;
  keptWhileOverloaded: number;
}

export class Admission {
  private refusedWebhooks = 0;
  private refusedWidgetMessages = 0;
  private keptWhileOverloaded = 0;

  constructor(
    readonly limits: AdmissionLimits,
    private readonly gauges: LoadGauges,
  ) {}

  /** Why the server is overloaded now, or null. */
  overload(): OverloadReason | null {
    if (this.gauges.webhookBacklog() > this.limits.webhookBacklog) return "webhook_backlog";
    if (this.gauges.writeQueue() > this.limits.writeQueue) return "write_queue";
    if (this.gauges.eventLoopLagMs() > this.limits.eventLoopLagMs) return "event_loop_lag";
    return null;
  }

  /**
   * A platform's webhook, before its body is read: throws the 503 when overloaded and the
   * platform redelivers refused webhooks; otherwise it is taken (and counted, when overloaded).
   */
  admitWebhook(redelivers: boolean): void {
    if (!this.overload()) return;
    if (!redelivers) {
      this.keptWhileOverloaded++;
      return;
    }
    this.refusedWebhooks++;
    throw this.refusal("The server is busy; deliver this webhook again later.");
  }

  /** A visitor's message, before it is taken in: the widget's outbox retries a 503 with the same clientId. */
  admitWidgetMessage(message: string): void {
    if (!this.overload()) return;
    this.refusedWidgetMessages++;
    throw this.refusal(message);
  }

  figures(): AdmissionFigures {
    return {
      webhookBacklog: this.gauges.webhookBacklog(),
      writeQueue: this.gauges.writeQueue(),
      eventLoopLagMs: Math.round(this.gauges.eventLoopLagMs()),
      limits: this.limits,
      overloaded: this.overload(),
      refusedWebhooks: this.refusedWebhooks,
      refusedWidgetMessages: this.refusedWidgetMessages,
      keptWhileOverloaded: this.keptWhileOverloaded,
    };
  }

  private refusal(message: string): HttpError {
    return new HttpError(503, "overloaded", message, undefined, { "Retry-After": String(this.limits.retryAfterSeconds) });
  }
}
