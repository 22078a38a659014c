/**
 * A part of the screen in its own chunk (issue 17: the inbox's first load carries only what the
 * list needs), fetched on first use or ahead of it (`load()`), and precached by the service
 * worker like every chunk, so it opens offline too. Unlike solid's `lazy()`, the caller sees
 * whether the chunk is there (`ready()`) and shows its own "loading" words meanwhile, and no
 * Suspense boundary is involved (one would also catch the part's own resources).
 */
import { createSignal, type Accessor } from "solid-js";

export interface OnDemand<T> {
  /** The module once loaded. */
  ready: Accessor<T | undefined>;
  /** Starts loading (once; again after a failure). */
  load(): Promise<T>;
}

export function onDemand<T>(loader: () => Promise<T>): OnDemand<T> {
  const [ready, setReady] = createSignal<T>();
  let loading: Promise<T> | undefined;
  return {
    ready,
    load() {
      loading ??= loader().then(
        (module) => {
          setReady(() => module);
          return module;
        },
        (err: unknown) => {
          loading = undefined;
          throw err;
        },
      );
      return loading;
    },
  };
}

/** Runs `work` when the page is next idle (at the latest after `timeoutMs`); returns a cancel. */
export function whenIdle(work: () => void, timeoutMs = 2_000): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}
