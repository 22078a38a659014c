/**
 * The admin settings screen's channels: fetched while the screen is open (admins only), kept
 * live with the team rooms' channel states, and changed through the admin API (online only).
 * The last list is kept on the device (Dexie `kv`, key `settings:channels`) so the section
 * renders offline; it holds names, states and webhook URLs, never a credential (the server
 * sends only whether a channel has them).
 */
import type { AdminInbox, ConnectInboxRequest, Inbox } from "@inbox/shared";
import { AdminInboxSchema } from "@inbox/shared/api/admin";
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from "solid-js";
import { z } from "zod";
import { api } from "../../api/endpoints.ts";
import { ApiError, asApiError } from "../../api/http.ts";
import type { LocalDb } from "../../local/db.ts";
import { liveStateChanged, sortChannels, upsertInbox, withLiveState } from "./admin-rows.ts";

export const KV_ADMIN_CHANNELS = "settings:channels";
const StoredChannelsSchema = z.array(AdminInboxSchema);

/** A burst of state changes (one send failing for several channels) is one refetch. */
const REFETCH_DEBOUNCE_MS = 400;

export interface AdminChannels {
  /** Null until the first answer. */
  list: Accessor<AdminInbox[] | null>;
  loading: Accessor<boolean>;
  loadError: Accessor<string | null>;
  /** True once the server answered in this session (false: what shows is the device's copy). */
  fresh: Accessor<boolean>;
  reload(): void;
  /** Each resolves with the server's view of the channel, or rejects with an ApiError to show. */
  connect(body: ConnectInboxRequest): Promise<AdminInbox>;
  reconnect(id: string, credentials: Record<string, string>): Promise<AdminInbox>;
  setEnabled(id: string, enabled: boolean): Promise<AdminInbox>;
  /** Messenger/Instagram: Meta's Human Agent tag (replies up to 7 days after the customer's last message). */
  setHumanAgentTag(id: string, enabled: boolean): Promise<AdminInbox>;
}


export function createAdminChannels(live: Accessor<ReadonlyMap<string, Inbox>>, db: LocalDb | null): AdminChannels {
  const [fetched, setFetched] = createSignal<AdminInbox[] | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [fresh, setFresh] = createSignal(false);
  let ticket = 0;

  const keep = (next: AdminInbox[]) => {
    setFetched(next);
    void db?.kv.put({ key: KV_ADMIN_CHANNELS, value: next }).catch(() => {});
  };
  void db?.kv.get(KV_ADMIN_CHANNELS).then(
    (row) => {
      const stored = StoredChannelsSchema.safeParse(row?.value);
      if (stored.success && !fresh()) setFetched(sortChannels(stored.data));
    },
    () => {},
  );

  const reload = () => {
    const mine = ++ticket;
    setLoading(true);
    api.adminInboxes().then(
      ({ inboxes }) => {
        if (mine !== ticket) return;
        setFresh(true);
        keep(sortChannels(inboxes));
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
      keep(upsertInbox(fetched() ?? [], inbox));
      return inbox;
    } catch (err) {
      throw asApiError(err);
    }
  };

  return {
    list,
    loading,
    loadError,
    fresh,
    reload,
    connect: (body) => apply(api.connectInbox(body)),
    reconnect: (id, credentials) => apply(api.reconnectInbox(id, credentials)),
    setEnabled: (id, enabled) => apply(api.setInboxEnabled(id, enabled)),
    setHumanAgentTag: (id, enabled) => apply(api.setInboxHumanAgentTag(id, enabled)),
  };
}
