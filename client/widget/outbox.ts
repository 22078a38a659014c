import type { WidgetMessage } from "@inbox/shared/api/widget";
import { ApiError, isRetryable } from "./api.ts";
import { backoffDelay } from "./backoff.ts";
import { LiveSendUnavailable } from "./live.ts";

/**
 * Sends the customer's messages one at a time, in the order typed. A message that can't reach
 * the server is retried with backoff using the SAME clientId, so the server stores it once no
 * matter how many attempts got through. A message the server rejects (4xx) is reported and
 * skipped, so one bad message never blocks the rest.
 *
 * Each attempt first offers the message to the live socket (`sendLive`), the fast path. If the
 * socket isn't open it declines (null) and the attempt uses `send` (POST); if it fails with
 * `LiveSendUnavailable` (closed mid-send, no ack in time) the same attempt falls back to POST
 * with the same clientId. A refusal on the socket (`ApiError`) counts like the POST's own.
 *
 * An overloaded server answers 503 with Retry-After before storing anything: the message waits
 * at least that long (never more than MAX_SERVER_WAIT_MS) and goes again with its clientId.
 */
export interface OutboxEntry {
  clientId: string;
  text: string;
  /** The button / quick reply tapped, when the text is its title. */
  choiceId?: string;
}

export interface OutboxDeps {
  /** The HTTP path (POST): always available, retried with backoff. */
  send(entry: OutboxEntry): Promise<WidgetMessage>;
  /** The socket path: a promise if the socket took the message, null to use `send` now. */
  sendLive?(entry: OutboxEntry): Promise<WidgetMessage> | null;
  onSent(entry: OutboxEntry, message: WidgetMessage): void;
  onFailed(entry: OutboxEntry, error: unknown): void;
  /** Called before each wait; `attempt` counts failures of this entry so far. */
  onRetry?(entry: OutboxEntry, attempt: number, delayMs: number, error: unknown): void;
  backoff?(attempt: number): number;
}

export interface Outbox {
  enqueue(entry: OutboxEntry): void;
  /** Retry now instead of waiting out the backoff (the browser came back online, say). */
  kick(): void;
  pending(): OutboxEntry[];
  dispose(): void;
}

/** A Retry-After longer than this (a misconfigured proxy) is not believed. */
export const MAX_SERVER_WAIT_MS = 5 * 60_000;

export function createOutbox(deps: OutboxDeps): Outbox {
  const backoff = deps.backoff ?? ((n: number) => backoffDelay(n));
  const queue: OutboxEntry[] = [];
  let running = false;
  let disposed = false;
  let wake: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      wake = () => {
        if (timer) clearTimeout(timer);
        timer = null;
        wake = null;
        resolve();
      };
      timer = setTimeout(wake, ms);
    });
  }

  /** One attempt: over the socket when it takes the message, else (or if it gives up) by POST. */
  async function attemptSend(entry: OutboxEntry): Promise<WidgetMessage | null> {
    const live = deps.sendLive?.(entry) ?? null;
    if (live) {
      try {
        return await live;
      } catch (err) {
        if (!(err instanceof LiveSendUnavailable)) throw err;
        if (disposed) return null;
      }
    }
    return deps.send(entry);
  }

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    let attempt = 0;
    try {
      while (queue.length > 0 && !disposed) {
        const entry = queue[0]!;
        try {
          const message = await attemptSend(entry);
          if (disposed || !message) return;
          queue.shift();
          attempt = 0;
          deps.onSent(entry, message);
        } catch (err) {
          if (disposed) return;
          if (!isRetryable(err)) {
            queue.shift();
            attempt = 0;
            deps.onFailed(entry, err);
            continue;
          }
          const serverWait = err instanceof ApiError ? Math.min(err.retryAfterMs ?? 0, MAX_SERVER_WAIT_MS) : 0;
          const delay = Math.max(backoff(attempt), serverWait);
          attempt++;
          deps.onRetry?.(entry, attempt, delay, err);
          await wait(delay);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    enqueue(entry) {
      if (disposed || queue.some((e) => e.clientId === entry.clientId)) return;
      queue.push(entry);
      void run();
    },
    kick() {
      wake?.();
    },
    pending: () => [...queue],
    dispose() {
      disposed = true;
      wake?.();
    },
  };
}
