import { retryAfterMs } from "./retry-after.ts";

// Shared by the demo's simulator and its traffic generator (sync-server), which run in the
// runtime-neutral core: pure, on fetch's Response and a sleep it is given.

/** How many times, and how long at most between, a refused delivery is sent again. */
export interface Redelivery {
  /** Tries in all, the first included. */
  tries: number;
  /** The longest wait between two tries, whatever Retry-After says. */
  maxWaitMs: number;
  /** The wait when a 503 carries no readable Retry-After. */
  defaultWaitMs: number;
  sleep(ms: number): Promise<void>;
}

/**
 * Six tries, each after the server's Retry-After (10 s by default, docs/SCALING.md): about a
 * minute of overload ridden out, where Meta and Telegram keep going for hours. A demo that waited
 * longer would hold the /simulator page's request, and the demo traffic's customer, for nothing.
 */
export const DEMO_REDELIVERY: Redelivery = {
  tries: 6,
  maxWaitMs: 30_000,
  defaultWaitMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Sends until the server takes it: an overloaded server answers 503 with Retry-After before it
 * reads or stores anything (http/admission.ts), so the same request (same message id, same
 * signature) sent again after that wait is stored once, as when a platform redelivers. Any other
 * answer, or the last try's 503, is returned as it is.
 */
export async function sendUntilTaken(send: () => Promise<Response>, policy: Redelivery = DEMO_REDELIVERY): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await send();
    if (res.status !== 503 || attempt >= policy.tries) return res;
    const wait = Math.min(retryAfterMs(res.headers.get("retry-after")) ?? policy.defaultWaitMs, policy.maxWaitMs);
    await res.body?.cancel();
    await policy.sleep(wait);
  }
}
