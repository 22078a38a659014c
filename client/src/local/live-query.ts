/**
 * A Dexie liveQuery as a Solid accessor: re-run whenever the rows it read change (in this tab
 * or another), and whenever its reactive source changes.
 */
import { liveQuery } from "dexie";
import { createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";

export interface LiveQuery<T> {
  (): T;
  /** True once the query has answered for the current source. */
  loaded: Accessor<boolean>;
}

export function createLiveQuery<S, T>(
  source: Accessor<S | null>,
  run: (source: S) => Promise<T>,
  initial: T,
  opts: {
    /** Whether a new source should blank the old answer (default: yes). */
    reset?: (prev: S, next: S) => boolean;
    /** Post-processing that may reuse the previous value's objects. */
    map?: (next: T, prev: T) => T;
    /**
     * While this returns more than 0 (ms), answers at most that often instead of after every
     * write (e.g. during a pull, which writes a page after another).
     */
    throttleMs?: () => number;
  } = {},
): LiveQuery<T> {
  const [value, setValue] = createSignal<T>(initial, { equals: false });
  const [loaded, setLoaded] = createSignal(false);
  let prevSource: S | null = null;
  createEffect(
    on(source, (s) => {
      const previous = prevSource;
      prevSource = s;
      if (s === null) {
        setValue(() => initial);
        setLoaded(false);
        return;
      }
      if (previous === null || (opts.reset ?? (() => true))(previous, s)) {
        setValue(() => initial);
        setLoaded(false);
      }
      let live = true;
      let subscription: { unsubscribe(): void } | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const subscribe = () => {
        timer = undefined;
        let paused = false;
        const mine = liveQuery(() => run(s)).subscribe({
          next: (v) => {
            if (!live || paused) return;
            setValue((prev) => (opts.map ? opts.map(v, prev) : v));
            setLoaded(true);
            const wait = opts.throttleMs?.() ?? 0;
            if (wait > 0) {
              // Busy writing (e.g. a pull): stop listening, and ask again once `wait` is over;
              // the new query sees everything written meanwhile, so nothing is missed.
              paused = true;
              queueMicrotask(() => mine.unsubscribe());
              timer = setTimeout(subscribe, wait);
            }
          },
          error: (err: unknown) => {
            if (!live) return;
            console.error("Local database query failed", err);
            setLoaded(true);
          },
        });
        subscription = mine;
      };
      subscribe();
      onCleanup(() => {
        live = false;
        if (timer !== undefined) clearTimeout(timer);
        subscription?.unsubscribe();
      });
    }),
  );
  const accessor = (() => value()) as LiveQuery<T>;
  accessor.loaded = loaded;
  return accessor;
}
