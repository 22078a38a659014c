/**
 * The admin settings screen's channels: fetched while the screen is open (admins only, online
 * only: nothing here is cached on the device, least of all credentials), kept live with the
 * team rooms' channel states, and changed through the admin API.
 */
import type { AdminInbox, ConnectInboxRequest, Inbox } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import { api } from "../../api/endpoints.ts";
import { ApiError, asApiError } from "../../api/http.ts";
import { liveStateChanged, sortChannels, upsertInbox, withLiveState } from "./admin-rows.ts";

/** A burst of state changes (one send failing for several channels) is one refetch. */
const REFETCH_DEBOUNCE_MS = 400;

export interface AdminChannels {
  /** Null until the first answer. */
  list: Accessor<AdminInbox[] | null>;
  loading: Accessor<boolean>;
  loadError: Accessor<string | null>;
  reload(): void;
  /** Each resolves with the server's view of the channel, or rejects with an ApiError to show. */
  connect(body: ConnectInboxRequest): Promise<AdminInbox>;
  reconnect(id: string, credentials: Record<string, string>): Promise<AdminInbox>;
  setEnabled(id: string, enabled: boolean): Promise<AdminInbox>;
  /** Messenger/Instagram: Meta's Human Agent tag (replies up to 7 days after the customer's last message). */
  setHumanAgentTag(id: string, enabled: boolean): Promise<AdminInbox>;
}


export function createAdminChannels(live: Accessor<ReadonlyMap<string, Inbox>>): AdminChannels {
  const [fetched, setFetched] = createSignal<AdminInbox[] | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  let ticket = 0;

  const reload = () => {
    const mine = ++ticket;
    setLoading(true);
    api.adminInboxes().then(
      ({ inboxes }) => {
        if (mine !== ticket) return;
        setFetched(sortChannels(inboxes));
        setLoadError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== ticket) return;
        setLoadError(asApiError(err).message);
        setLoading(false);
      },
    );
  };
  reload();

  // A channel's state changed live: fetch again for the reason (e.g. the platform's error).
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(live, (map) => {
      const list = fetched();
      if (!list || !liveStateChanged(list, map)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, REFETCH_DEBOUNCE_MS);
    }),
  );
  onCleanup(() => clearTimeout(timer));

  const list = createMemo(() => {
    const l = fetched();
    return l ? withLiveState(l, live()) : null;
  });

  const apply = async (p: Promise<{ inbox: AdminInbox }>) => {
    try {
      const { inbox } = await p;
      // A newer list answer would not know this change yet: drop whatever is in flight.
      ticket++;
      setLoading(false);
      setFetched((l) => upsertInbox(l ?? [], inbox));
      return inbox;
    } catch (err) {
      throw asApiError(err);
    }
  };

  return {
    list,
    loading,
    loadError,
    reload,
    connect: (body) => apply(api.connectInbox(body)),
    reconnect: (id, credentials) => apply(api.reconnectInbox(id, credentials)),
    setEnabled: (id, enabled) => apply(api.setInboxEnabled(id, enabled)),
    setHumanAgentTag: (id, enabled) => apply(api.setInboxHumanAgentTag(id, enabled)),
  };
}
