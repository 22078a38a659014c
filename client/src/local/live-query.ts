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
      const subscription = liveQuery(() => run(s)).subscribe({
        next: (v) => {
          if (!live) return;
          setValue((prev) => (opts.map ? opts.map(v, prev) : v));
          setLoaded(true);
        },
        error: (err: unknown) => {
          if (!live) return;
          console.error("Local database query failed", err);
          setLoaded(true);
        },
      });
      onCleanup(() => {
        live = false;
        subscription.unsubscribe();
      });
    }),
  );
  const accessor = (() => value()) as LiveQuery<T>;
  accessor.loaded = loaded;
  return accessor;
}
