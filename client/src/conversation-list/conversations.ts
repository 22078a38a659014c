/**
 * Conversation list slice. The list renders from the local database. At first it pages one
 * index per tab (newest activity first, LIST_PAGE rows at a time), so a big cache shows its
 * first rows at once; then every cached conversation is read once into memory (list-cache.ts:
 * later writes re-read only the rows they touched, throttled during a pull) and the view's
 * filters and sort are applied in memory by the
 * shared list-view functions: any combination of filters, three sorts, exact counts and unread
 * counts per tab and saved view. The agent's waiting changes are shown on top.
 * The team rooms keep feeding it while online: what they show is mirrored into the database,
 * and each change asks for a pull of the deltas (debounced). The mirror is coalesced: a burst
 * of room changes (a reconnect replaying hundreds of actions) becomes one write per
 * MIRROR_WINDOW_MS, not one transaction (and list re-query) per change; the pull stays the
 * durable path for anything a closing page could not write. While no list is on screen (the
 * Supervision screen, settings) the changes wait longer, MIRROR_OFF_SCREEN_MS: every write
 * re-reads rows and re-sorts a list nobody sees, which a wall display fed 40 changes a second
 * paid for in dropped frames. Nothing is dropped: they are written when the list comes back,
 * and at once when the page is hidden or closed.
 */
import { byLastActivity, LIST_FILTERS, type Conversation, type Inbox, type ListFilter } from "@inbox/shared";
import { ListViewMini } from "@inbox/shared/mini/index";
import {
  DEFAULT_LIST_VIEW,
  applyView,
  reorderView,
  isPlainTab,
  matchesView,
  unreadIn,
  type ListView,
} from "@inbox/shared/domain/list-view";
import { createEffect, createMemo, createSignal, mapArray, on, onCleanup, untrack, type Accessor } from "solid-js";
import type { LocalSlice, SessionSlice } from "../app/index.ts";
import type { LocalDb } from "../local/db.ts";
import { createCoalescer } from "../local/coalesce.ts";
import { createLiveQuery } from "../local/live-query.ts";
import { reuseUnchanged } from "../local/reuse.ts";
import { stripConversation, type ConversationRow } from "../local/rows.ts";
import type { SearchResult } from "../local/search.ts";
import { countTabs, dropConversationsNotIn, listPage, putConversations, putInbox } from "../local/store.ts";
import { summarizeConnection, type ConnectionSummary, type RoomStatus } from "../sync/connection.ts";
import { listRoomNames } from "../sync/list-room-names.ts";
import { startLive, whenLive } from "../sync/live.ts";
import type { TeamRoom } from "../sync/team-rooms.ts";
import { whenIdle } from "../ui/on-demand.ts";
import { preloadBulkBar } from "../bulk/index.ts";
import { changedPlaces, createConversationCache } from "./list-cache.ts";
import { createListViewsSlice, KV_LIST_CURRENT, type ListViewsSlice } from "./saved-views.ts";
import { overlayPending } from "../sync/pending.ts";
import { preloadFilterPanel } from "./ListFilters.tsx";

/** The search code is a chunk of its own, fetched with the first query or by `preloadListParts`. */
const loadSearch = () => import("../local/search.ts");

/** Fetches the parts the list loads on use (search, the bulk bar) ahead of their first use. */
export function preloadListParts(): void {
  loadSearch().catch((err: unknown) => console.warn("Could not load search", err));
  preloadBulkBar();
  preloadFilterPanel();
}

/** Rows rendered at first, and added each time the agent scrolls near the end. */
export const LIST_PAGE = 200;
/** How often the list and its counts follow the rows while a pull writes pages. */
const PULL_REFRESH_MS = 500;
const SEARCH_DEBOUNCE_MS = 150;
/** How long a team room's change waits for others before they are stored together. */
export const MIRROR_WINDOW_MS = 60;
/** The same while no list is on screen (e.g. new-chat alerts come this much later then). */
export const MIRROR_OFF_SCREEN_MS = 2_000;

export interface ConversationsSlice {
  /** The tab (Mine / Unassigned / All), part of the view. */
  filter: Accessor<ListFilter>;
  setFilter(filter: ListFilter): void;
  /** Tab, filters and sort the list shows; kept on this device across reloads. */
  view: Accessor<ListView>;
  setView(view: ListView): void;
  /** The view's rows in order, as many as are loaded (all of them once the cache is read). */
  visible: Accessor<Conversation[]>;
  /** The ids of `visible`, in order: what "next" and "previous" move through. */
  visibleIds: Accessor<readonly string[]>;
  /** How many rows the view has, loaded or not (the scroll height of the list). */
  total: Accessor<number>;
  /** Asks for the rows up to `index` (while the list still pages the first rows). */
  ensureRows(index: number): void;
  /** Rows per tab, under the view's other filters. */
  counts: Accessor<Record<ListFilter, number>>;
  /** Conversations with something unread, per tab under the view's other filters. */
  unread: Accessor<Record<ListFilter, number>>;
  /** Conversations with something unread in a view (e.g. a saved one); 0 until the cache is read. */
  unreadFor(view: ListView): number;
  /** Labels and channels found on cached conversations, for the filter choices. */
  knownLabels: Accessor<readonly string[]>;
  knownChannels: Accessor<readonly Conversation["channel"][]>;
  savedViews: ListViewsSlice;
  /** A conversation on screen (list or search results), without a query. */
  peek(id: string): Conversation | undefined;
  /** True until the first rows are known. */
  loading: Accessor<boolean>;
  connection: Accessor<ConnectionSummary>;
  query: Accessor<string>;
  setQuery(query: string): void;
  /** Search results from the local database; null while there is no query. */
  results: Accessor<SearchResult[] | null>;
  searching: Accessor<boolean>;
  /** Channels of the user's teams by id, with their live state from the team rooms. */
  inboxes: Accessor<ReadonlyMap<string, Inbox>>;
  /** A list is on screen until the returned function is called (the list's component, mounted). */
  shown(): () => void;
  /**
   * The live list rooms are closed until the returned function is called: the wall display
   * shows boards only, and a list room kept open for a day holds a tombstone of every change.
   */
  setAside(): () => void;
}

/** Counts one holder in `set` until the returned function is called (once). */
function hold(set: (fn: (n: number) => number) => void): () => void {
  set((n) => n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    set((n) => n - 1);
  };
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

interface ListSource {
  db: LocalDb;
  userId: string;
  filter: ListFilter;
  limit: number;
}

export function createConversationsSlice(session: SessionSlice, local: LocalSlice): ConversationsSlice {
  const userId = createMemo(() => session.me()?.user.id ?? "");
  const teamIds = createMemo(() => session.me()?.teams.map((t) => t.id) ?? [], [], { equals: sameIds });
  const [asideBy, setAsideBy] = createSignal(0);
  const roomNames = createMemo(() => (asideBy() > 0 ? [] : listRoomNames(session.me()?.user, teamIds())), [], { equals: sameIds });
  // The team rooms open once the live layer is loaded (sync/live.ts); until then the list is
  // the database's and the rooms count as connecting. Back online, what this device did offline
  // is sent before they catch up.
  const teamRooms = whenLive((live) => live.createTeamRooms(roomNames, { reconnectAfter: () => local.outboxFirst() }));
  const rooms = (): TeamRoom[] => teamRooms()?.() ?? [];
  const roomStatuses = (): RoomStatus[] => (teamRooms() ? rooms().map((r) => r.status()) : roomNames().map(() => "connecting"));

  const inboxes = createMemo(() => {
    const map = new Map<string, Inbox>();
    for (const room of rooms()) for (const inbox of room.inboxes()) map.set(inbox.id, inbox);
    return map as ReadonlyMap<string, Inbox>;
  });

  const [onScreen, setOnScreen] = createSignal(0);

  // One coalesced writer per database: room changes stored together, the last copy of each wins.
  const mirror = createMemo(() => {
    const db = local.db();
    if (!db) return null;
    const writer = createCoalescer<Conversation>({
      key: (c) => c.id,
      write: (list) => putConversations(db, list),
      onError: (err) => console.warn("Could not store conversations", err),
      windowMs: MIRROR_WINDOW_MS,
    });
    // Off screen, changes gather here first and go on to the writer together.
    const parked = createCoalescer<Conversation>({
      key: (c) => c.id,
      write: async (list) => writer.add(list),
      windowMs: MIRROR_OFF_SCREEN_MS,
    });
    const flushAll = () => {
      parked.flush();
      writer.flush();
    };
    // Leaving the page: write what waits now (the next pull brings anything that didn't make it).
    const onPageHide = () => flushAll();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flushAll();
    };
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onVisibility);
    onCleanup(() => {
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onVisibility);
      flushAll();
      parked.dispose();
      writer.dispose();
    });
    return {
      add: (list: readonly Conversation[]) => (untrack(onScreen) > 0 ? writer.add(list) : parked.add(list)),
      // The list came back: what waited is written now.
      release: () => parked.flush(),
    };
  });
  createEffect(on(onScreen, (n) => n > 0 && untrack(mirror)?.release()));

  // What the rooms show goes into the local database; every change also pulls the deltas.
  createMemo(
    mapArray(rooms, (room) => {
      const mirrored = new WeakSet<Conversation>();
      let primed = false;
      // The room's answer this effect last looked at whole or through its change (-1: none yet).
      let looked = -1;
      createEffect(
        on([room.conversations, room.synced], ([list, synced]) => {
          const writer = untrack(mirror);
          if (!synced || !writer) return;
          // After the answer it looked at, only what the next change parsed can be new: not a
          // pass over 10,000 rows per update. Anything else (a skipped answer) is looked at whole.
          const { seq, changed } = room.conversations.lastChange();
          const candidates = changed && seq === looked + 1 ? changed : list;
          looked = seq;
          const fresh = candidates.filter((c) => !mirrored.has(c));
          for (const c of fresh) mirrored.add(c);
          // A narrow list is all the person may see: cached chats it lacks were taken from them.
          if (room.whole) {
            const db = untrack(local.db);
            if (db) void dropConversationsNotIn(db, new Set(list.map((c) => c.id))).catch((err) => console.warn("Could not drop conversations", err));
          }
          if (!primed) {
            primed = true;
            // The room's first state is everything; a device that pulls gets it as deltas.
            if (untrack(local.hasPulled) === true) {
              local.requestPull();
              return;
            }
          }
          if (fresh.length > 0) writer.add(fresh);
          local.requestPull();
        }),
      );
      // Channel states too, so a reload offline still shows a disabled or expired channel.
      const storedInboxes = new WeakSet<Inbox>();
      createEffect(
        on(room.inboxes, (list) => {
          const db = untrack(local.db);
          if (!db) return;
          for (const inbox of list) {
            if (storedInboxes.has(inbox)) continue;
            storedInboxes.add(inbox);
            putInbox(db, inbox).catch((err) => console.warn("Could not store a channel", err));
          }
        }),
      );
      // Back from a disconnection: send what waits and catch up at once.
      createEffect(
        on(
          room.status,
          (status, prev) => {
            if (status === "connected" && prev !== undefined && prev !== "connected") local.serverBack();
          },
          { defer: true },
        ),
      );
    }),
  );

  const [view, setViewSignal] = createSignal<ListView>(DEFAULT_LIST_VIEW);
  const filter = () => view().tab;
  const [limit, setLimit] = createSignal(LIST_PAGE);

  // A pull writes page after page: the list and its counts follow at most every PULL_REFRESH_MS
  // meanwhile (the first answer and the one after the pull still come at once or nearly).
  const pullThrottle = () => (untrack(local.pulling) ? PULL_REFRESH_MS : 0);

  // Every cached conversation, read once the first rows are on screen (so a big cache still
  // shows them at once), then after every write.
  const [wantAll, setWantAll] = createSignal(false);
  const allSource = createMemo(
    () => {
      const db = local.db();
      return db && wantAll() ? db : null;
    },
  );
  const allRows = createConversationCache(allSource, pullThrottle);
  // A stored row that did not change keeps its object, so the list leaves its DOM alone.
  const stripped = new WeakMap<ConversationRow, Conversation>();
  const strip = (r: ConversationRow) => {
    let c = stripped.get(r);
    if (!c) stripped.set(r, (c = stripConversation(r)));
    return c;
  };
  // Rebuilt in place when the cache changed rows where they stand (a message arriving):
  // the other 10,000 keep their objects without a pass that looks each one up.
  // `changed`: the places its last answer changed from the one before (`prev`), so `visible`
  // need not compare the 10,000 rows again to find them; null after a rebuild.
  let allBasis: {
    rows: readonly ConversationRow[];
    queued: ReturnType<typeof local.queued>;
    all: Conversation[];
    changed: { prev: readonly Conversation[]; places: readonly number[] } | null;
  } | null = null;
  const all = createMemo<Conversation[]>(() => {
    const queued = local.queued();
    const rows = allRows();
    // However many changed in place (a replayed batch settles hundreds): a rebuild is no quicker.
    const changed = allBasis && allBasis.queued === queued ? changedPlaces(allBasis.rows, rows) : null;
    if (changed?.length === 0) {
      allBasis = { ...allBasis!, rows };
      return allBasis.all;
    }
    let next: Conversation[];
    if (changed) {
      next = allBasis!.all.slice();
      for (const i of changed) next[i] = overlayPending(strip(rows[i]!), queued.get(rows[i]!.id));
    } else next = rows.map((r) => overlayPending(strip(r), queued.get(r.id)));
    allBasis = { rows, queued, all: next, changed: changed && { prev: allBasis!.all, places: changed } };
    return next;
  });

  // The first rows of a bare tab: one page of one index, until everything has been read.
  const source = createMemo<ListSource | null>(
    () => {
      const db = local.db();
      const uid = userId();
      return db && uid && !allRows.loaded() ? { db, userId: uid, filter: filter(), limit: limit() } : null;
    },
    null,
    { equals: (a, b) => a?.db === b?.db && a?.userId === b?.userId && a?.filter === b?.filter && a?.limit === b?.limit },
  );
  const rows = createLiveQuery(source, (s) => listPage(s.db, s.filter, s.userId, s.limit), [] as ConversationRow[], {
    // Showing more keeps the rows already on screen; another tab or user starts blank.
    reset: (a, b) => a.db !== b.db || a.filter !== b.filter || a.userId !== b.userId,
    throttleMs: pullThrottle,
  });
  createEffect(() => {
    if (rows.loaded() && !wantAll()) setTimeout(() => setWantAll(true), 0);
  });
  // The first rows are read: the live layer may come now, when the page is next idle.
  let liveAsked = false;
  createEffect(() => {
    if (liveAsked || !(rows.loaded() || allRows.loaded())) return;
    liveAsked = true;
    whenIdle(startLive, 500);
  });

  // What `visible` last answered from the whole cache: a change of rows in place (a
  // message arriving) is ordered from it (reorderView) rather than by sorting everything again.
  let basis: { list: readonly Conversation[]; view: ListView; uid: string; shown: Conversation[] } | null = null;
  /** The places changed from `from` to `to` (null: rows came or went), as `all` recorded them when it can. */
  const placesChanged = (from: readonly Conversation[], to: readonly Conversation[]) =>
    allBasis?.all === to && allBasis.changed?.prev === from ? allBasis.changed.places : changedPlaces(from, to);
  const visible = createMemo<Conversation[]>(
    (prev) => {
      if (allRows.loaded()) {
        const list = all();
        const v = view();
        const uid = userId();
        const places = basis && basis.view === v && basis.uid === uid ? placesChanged(basis.list, list) : null;
        const changed = places && places.map((i) => list[i]!);
        if (changed?.length === 0) {
          basis = { ...basis!, list };
          return basis.shown;
        }
        const shown = changed ? reorderView(basis!.shown, changed, v, uid) : applyView(list, v, uid);
        basis = { list, view: v, uid, shown };
        return shown;
      }
      basis = null;
      if (!isPlainTab(view())) return [];
      const queued = local.queued();
      // The index orders ties by id descending; every client shows ties by id ascending.
      const shown = rows().map((r) => overlayPending(stripConversation(r), queued.get(r.id)));
      return reuseUnchanged(shown.sort(byLastActivity), prev);
    },
    [],
  );
  const visibleIds = createMemo<readonly string[]>(() => visible().map((c) => c.id), [], { equals: sameIds });

  const countSource = createMemo(() => {
    const db = local.db();
    const uid = userId();
    return db && uid ? { db, uid } : null;
  }, null, { equals: (a, b) => a?.db === b?.db && a?.uid === b?.uid });
  const tabTotals = createLiveQuery(countSource, (s) => countTabs(s.db, s.uid), { mine: 0, unassigned: 0, all: 0 }, {
    throttleMs: pullThrottle,
  });
  const perTab = (count: (v: ListView) => number) =>
    Object.fromEntries(LIST_FILTERS.map((tab) => [tab, count({ ...view(), tab })])) as Record<ListFilter, number>;
  const counts = createMemo(() => {
    if (!allRows.loaded() || isPlainTab({ ...view(), tab: "all", sort: "newest" })) return tabTotals();
    const list = all();
    const uid = userId();
    return perTab((v) => list.reduce((n, c) => (matchesView(c, v, uid) ? n + 1 : n), 0));
  });
  /** Few conversations have something unread: count views over those only. */
  const unreadRows = createMemo(() => all().filter((c) => c.unreadCount > 0));
  const unread = createMemo(() => perTab((v) => unreadIn(unreadRows(), v, userId())));
  const total = () => (allRows.loaded() || !isPlainTab(view()) ? visible().length : Math.max(counts()[filter()], visible().length));

  const knownLabels = createMemo<readonly string[]>(
    () => {
      // A loop, not flatMap: this runs on every change, over every cached conversation.
      const found = new Set<string>();
      for (const c of all()) for (const label of c.labels) found.add(label);
      return [...found].sort((a, b) => a.localeCompare(b));
    },
    [],
    { equals: sameIds },
  );
  const knownChannels = createMemo<readonly Conversation["channel"][]>(
    () => {
      const found = new Set<Conversation["channel"]>();
      for (const inbox of inboxes().values()) found.add(inbox.channel);
      for (const c of all()) found.add(c.channel);
      return [...found].sort();
    },
    [],
    { equals: sameIds },
  );

  const savedViews = createListViewsSlice(session, local);

  // The view the agent left is the one they come back to (this device, this user).
  let restoredFor: LocalDb | null = null;
  createEffect(
    on(local.db, (db) => {
      if (!db || restoredFor === db) return;
      restoredFor = db;
      void db.kv.get(KV_LIST_CURRENT).then((row) => {
        // zod/mini's twin of ListViewSchema: read before the first row, with no classic zod (issue 17).
        const parsed = ListViewMini.safeParse(row?.value);
        if (parsed.success && untrack(local.db) === db) setViewSignal(parsed.data);
      });
    }),
  );
  const setView = (next: ListView) => {
    setViewSignal(next);
    setLimit(LIST_PAGE);
    untrack(local.db)
      ?.kv.put({ key: KV_LIST_CURRENT, value: next })
      .catch((err: unknown) => console.warn("Could not keep the list's view on this device", err));
  };

  // ---------- search ----------
  const [query, setQuery] = createSignal("");
  const [results, setResults] = createSignal<SearchResult[] | null>(null);
  const [searching, setSearching] = createSignal(false);
  createEffect(
    on([query, local.db], ([q, db]) => {
      if (!q.trim() || !db) {
        setResults(null);
        setSearching(false);
        return;
      }
      setSearching(true);
      let current = true;
      const timer = setTimeout(() => {
        loadSearch().then((m) => m.searchLocal(db, q)).then(
          (r) => {
            if (!current) return;
            setResults(r);
            setSearching(false);
          },
          (err: unknown) => {
            if (!current) return;
            console.error("Search failed", err);
            setResults([]);
            setSearching(false);
          },
        );
      }, SEARCH_DEBOUNCE_MS);
      onCleanup(() => {
        current = false;
        clearTimeout(timer);
      });
    }),
  );
  const shownResults = createMemo(() => {
    const r = results();
    if (!r) return null;
    const queued = local.queued();
    return r.map((x) => ({ ...x, conversation: overlayPending(x.conversation, queued.get(x.conversation.id)) }));
  });

  // A conversation by id, for every row on screen after every change: one lookup in the cache
  // (a map over all 10,000 rows per change cost more than the rest of the list's work).
  const pageById = createMemo(() => (allRows.loaded() ? new Map<string, Conversation>() : new Map(visible().map((c) => [c.id, c]))));
  const resultsById = createMemo(() => new Map((shownResults() ?? []).map((r) => [r.conversation.id, r.conversation])));
  const peek = (id: string): Conversation | undefined => {
    const row = allRows.get(id);
    if (row) return overlayPending(strip(row), local.queued().get(id));
    return pageById().get(id) ?? resultsById().get(id);
  };

  // Signing in as someone else starts on the first page of "All" (until their own view is read).
  createEffect(
    on(
      userId,
      () => {
        setViewSignal(DEFAULT_LIST_VIEW);
        setLimit(LIST_PAGE);
        setQuery("");
      },
      { defer: true },
    ),
  );

  const roomsCatchingUp = () => (teamRooms() ? rooms().some((r) => !r.synced() && r.status() === "connecting") : roomNames().length > 0);

  return {
    filter,
    setFilter: (tab) => setView({ ...view(), tab }),
    view,
    setView,
    visible,
    visibleIds,
    total,
    ensureRows: (index) => {
      if (allRows.loaded() || index < untrack(limit)) return;
      setLimit(Math.ceil((index + 1) / LIST_PAGE) * LIST_PAGE);
    },
    counts,
    unread,
    unreadFor: (v) => unreadIn(unreadRows(), v, userId()),
    knownLabels,
    knownChannels,
    savedViews,
    peek,
    loading: () =>
      (!rows.loaded() && !allRows.loaded()) ||
      (!allRows.loaded() && !isPlainTab(view())) ||
      (visible().length === 0 && local.hasPulled() !== true && local.browserOnline() && (local.pulling() || roomsCatchingUp())),
    connection: () => summarizeConnection(roomStatuses(), local.browserOnline()),
    query,
    setQuery,
    results: shownResults,
    searching,
    inboxes,
    shown: () => hold(setOnScreen),
    setAside: () => hold(setAsideBy),
  };
}
