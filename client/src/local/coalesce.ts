/**
 * Many small writes as few transactions: items added within one window (last value of a key
 * wins) are written together, and while a write is in flight new items wait for the next one.
 * Each IndexedDB write transaction re-runs every live query that read what it touched, so a
 * burst of single-row writes (e.g. a team room relaying 500 changes) would cost 500 list
 * queries; coalesced it costs a handful. No DOM and no Dexie, so it is unit-tested.
 */

export interface Coalescer<T> {
  add(items: readonly T[]): void;
  /** Writes what waits now (page hidden or closing, database about to close). */
  flush(): void;
  /** Items waiting for a write. */
  size(): number;
  /** Stops scheduling; what still waits is dropped (flush first to keep it). */
  dispose(): void;
}

export function createCoalescer<T>(opts: {
  key(item: T): string;
  write(items: T[]): Promise<void>;
  onError?(error: unknown): void;
  /** How long the first item of a batch waits for others. */
  windowMs?: number;
}): Coalescer<T> {
  const windowMs = opts.windowMs ?? 50;
  let pending = new Map<string, T>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = 0;
  let disposed = false;

  const arm = () => {
    if (timer === null && inFlight === 0 && pending.size > 0 && !disposed) timer = setTimeout(flush, windowMs);
  };

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.size === 0 || disposed) return;
    const batch = [...pending.values()];
    pending = new Map();
    inFlight++;
    let done: Promise<void>;
    try {
      done = opts.write(batch);
    } catch (err) {
      done = Promise.reject(err);
    }
    done
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        inFlight--;
        arm();
      });
  }

  return {
    add(items) {
      if (disposed) return;
      for (const item of items) {
        const k = opts.key(item);
        // Re-inserted, so the batch keeps the order of the latest changes.
        pending.delete(k);
        pending.set(k, item);
      }
      arm();
    },
    flush,
    size: () => pending.size,
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = new Map();
    },
  };
}
