/**
 * A GET that follows a reactive source: refetched when the source's key changes, answers for a
 * source that is no longer current are dropped. Unlike createResource it never throws into the
 * render tree: errors are a value the screen shows.
 */
import { createEffect, createSignal, on, type Accessor } from "solid-js";
import { ApiError, asApiError } from "./http.ts";

export interface RequestState<T> {
  data: Accessor<T | null>;
  error: Accessor<ApiError | null>;
  loading: Accessor<boolean>;
  refetch(): void;
}

export function createRequest<S, T>(
  source: Accessor<S | null>,
  fetcher: (s: S) => Promise<T>,
  key: (s: S) => string = (s) => String(s),
): RequestState<T> {
  const [data, setData] = createSignal<T | null>(null);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [loading, setLoading] = createSignal(false);
  let current = 0;

  const run = (s: S | null) => {
    const ticket = ++current;
    setError(null);
    if (s === null) {
      setData(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    fetcher(s).then(
      (value) => {
        if (ticket !== current) return;
        setData(() => value);
        setLoading(false);
      },
      (err: unknown) => {
        if (ticket !== current) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
  };

  const keyed = () => {
    const s = source();
    return s === null ? null : key(s);
  };
  createEffect(
    on(keyed, (k) => {
      // A new key means new data: don't show the previous conversation's while loading.
      if (k === null || data() !== null) setData(null);
      run(source());
    }),
  );
  return { data, error, loading, refetch: () => run(source()) };
}
