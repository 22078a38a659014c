/**
 * Panel data only the server can compute (attachments across conversations, linked tickets,
 * assignment history), kept in the local `kv` table under "contacts.*" keys: offline, the panel
 * shows the last copy it saw; online, it fetches a fresh one and stores it.
 */
import { createEffect, createSignal, on, type Accessor } from "solid-js";
import type { z } from "zod";
import { ApiError, asApiError } from "../api/http.ts";
import type { LocalDb } from "../local/db.ts";

export const KV_CONTACTS_PREFIX = "contacts.";

export interface CachedRequest<T> {
  data: Accessor<T | null>;
  /** The last fetch failed (the stored copy, if any, is still shown). */
  error: Accessor<ApiError | null>;
  loading: Accessor<boolean>;
  refetch(): void;
  /** Shows and stores a value the caller already knows (e.g. after adding a ticket). */
  set(value: T): void;
}

export function createCachedRequest<T>(
  db: Accessor<LocalDb | null>,
  key: Accessor<string | null>,
  fetcher: () => Promise<T>,
  schema: z.ZodType<T>,
): CachedRequest<T> {
  const [data, setData] = createSignal<T | null>(null);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [loading, setLoading] = createSignal(false);
  let ticket = 0;

  const store = (k: string, value: T) => {
    db()?.kv.put({ key: KV_CONTACTS_PREFIX + k, value }).catch((err) => console.warn("Could not keep panel data on this device", err));
  };
  const fetchFresh = (k: string, mine: number) => {
    setLoading(true);
    setError(null);
    fetcher().then(
      (value) => {
        if (mine !== ticket) return;
        setData(() => value);
        setLoading(false);
        store(k, value);
      },
      (err: unknown) => {
        if (mine !== ticket) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
  };
  createEffect(
    on([db, key], ([d, k]) => {
      const mine = ++ticket;
      setData(null);
      setError(null);
      if (!k) return;
      d?.kv.get(KV_CONTACTS_PREFIX + k).then(
        (row) => {
          const parsed = schema.safeParse(row?.value);
          // A fresh answer that came first wins over the stored copy.
          if (mine === ticket && parsed.success && data() === null) setData(() => parsed.data);
        },
        () => {},
      );
      fetchFresh(k, mine);
    }),
  );
  return {
    data,
    error,
    loading,
    refetch: () => {
      const k = key();
      if (k) fetchFresh(k, ++ticket);
    },
    set: (value) => {
      const k = key();
      // A fetch under way is now older than this value: its answer is dropped, so it no longer loads.
      ++ticket;
      setData(() => value);
      setLoading(false);
      if (k) store(k, value);
    },
  };
}
