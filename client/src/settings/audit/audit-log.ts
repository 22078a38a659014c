/**
 * The entries the viewer shows: the first page for the applied filters, then "Load more" pages
 * after the last entry shown (the server's keyset cursor). Applying new filters starts over;
 * an answer for filters no longer applied is dropped, so a slow page never lands in a new list.
 */
import type { AuditEntry } from "@inbox/shared/api/audit";
import { createSignal, type Accessor } from "solid-js";
import { asApiError } from "../../api/http.ts";
import { auditApi } from "./audit-api.ts";

const PAGE = 50;

export interface AuditLogStore {
  entries: Accessor<AuditEntry[]>;
  /** Null until the first page answers. */
  loaded: Accessor<boolean>;
  hasMore: Accessor<boolean>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  /** The filters of the list shown (exports use the same). */
  params: Accessor<URLSearchParams>;
  apply(params: URLSearchParams): void;
  more(): void;
  reload(): void;
}

export function createAuditLog(): AuditLogStore {
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loaded, setLoaded] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [params, setParams] = createSignal(new URLSearchParams());
  let generation = 0;

  const fetchPage = (after: string | null) => {
    const mine = ++generation;
    const query = new URLSearchParams(params());
    query.set("limit", String(PAGE));
    if (after) query.set("cursor", after);
    setLoading(true);
    setError(null);
    auditApi.page(query).then(
      (page) => {
        if (mine !== generation) return;
        setEntries((shown) => (after ? [...shown, ...page.entries] : page.entries));
        setCursor(page.nextCursor);
        setLoaded(true);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation) return;
        setError(asApiError(err).message);
        setLoading(false);
      },
    );
  };

  return {
    entries,
    loaded,
    hasMore: () => cursor() !== null,
    loading,
    error,
    params,
    apply(next) {
      setParams(next);
      setEntries([]);
      setCursor(null);
      setLoaded(false);
      fetchPage(null);
    },
    more() {
      if (cursor() && !loading()) fetchPage(cursor());
    },
    reload() {
      setLoaded(false);
      fetchPage(null);
    },
  };
}
