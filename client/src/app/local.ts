/**
 * The offline engine of the signed-in user: the local database, the outbox and its replayer,
 * the pull from the server, the work documents, and the notices the agent must read. Created
 * when a user is known and disposed (database closed, sockets shut) when they change.
 *
 * Every change of the agent goes through `enqueue` (online too, so there is one path): stored
 * in the outbox with its optimistic effect, then sent in order by the single replayer.
 */
import type { Command } from "@inbox/shared";
import { createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from "solid-js";
import { loadApi } from "../api/load-api.ts";
import { ApiError, loadReasonWords } from "../api/http.ts";
import { KV_PULL_CURSOR, openLocalDb, type LocalDb } from "../local/db.ts";
import { createLiveQuery } from "../local/live-query.ts";
import type { OutboxRow } from "../local/rows.ts";
import { contactConversations, enqueueCommand, enqueueCommands, evictIfNeeded, hasPulled, outboxStore, pullStore, reconcileTabTotals } from "../local/store.ts";
import { deleteWorkDocs } from "../local/wipe.ts";
import { backoffDelay } from "../sync/backoff.ts";
import { createReplayer, type ReplayerState } from "../sync/outbox-replayer.ts";
import { hasKeptUpload } from "../sync/kept-upload-ref.ts";
import { classifyFailure, outcomeEffects, refusalResult } from "../sync/outcomes.ts";
import { createPullScheduler, pullAll, PULL_PAGE_SIZE } from "../sync/pull.ts";
import { liveLayer, loadLive, type LiveLayer } from "../sync/live.ts";
import type { WorkDocs } from "../sync/work-docs.ts";
import { bulkIdOf, recordBulkResult } from "../sync/bulk-ledger.ts";
import { queuedByConversation, waitingCount } from "../sync/pending.ts";
import type { SessionSlice } from "./session.ts";

/** The longest catch-up traffic (the pull, the team lists' sockets) waits for the outbox after coming online. */
const OUTBOX_FIRST_MOST_MS = 3_000;

export interface Notice {
  id: number;
  text: string;
  /** A button offered with it: sends this command and dismisses the notice ("Assign anyway"). */
  action?: { label: string; command: Command };
}

export interface LocalSlice {
  db: Accessor<LocalDb | null>;
  workDocs: Accessor<WorkDocs | null>;
  /** Every outbox row, oldest first (live, also across tabs). */
  outbox: Accessor<readonly OutboxRow[]>;
  queued: Accessor<Map<string, Command[]>>;
  /** Changes the server has not answered yet (reads not counted). */
  waiting: Accessor<number>;
  browserOnline: Accessor<boolean>;
  /** The last attempt to reach the server with the outbox or a pull failed for lack of network. */
  unreachable: Accessor<boolean>;
  sending: Accessor<boolean>;
  pulling: Accessor<boolean>;
  /** False until this device has pulled the working set once. */
  hasPulled: Accessor<boolean | null>;
  enqueue(command: Command): Promise<void>;
  /**
   * Several commands stored in one transaction with `alongside` (a bulk action's record): all or
   * none, so a reload in the middle cannot leave part of them unsent.
   */
  enqueueAll(commands: readonly Command[], alongside?: (db: LocalDb) => Promise<void>): Promise<void>;
  /** Pull soon (debounced): a team room changed. */
  requestPull(): void;
  pullNow(): void;
  /** A room reconnected: send what waits and catch up now, without waiting out a backoff. */
  serverBack(): void;
  /**
   * Resolves once the outbox has sent what waits (at once when nothing does), or after 3 s:
   * coming back online, catch-up traffic waits for it rather than compete with it.
   */
  outboxFirst(): Promise<void>;
  notices: Accessor<readonly Notice[]>;
  notify(text: string, action?: Notice["action"]): void;
  /** Runs a notice's action (queues its command) and dismisses it. */
  act(id: number): Promise<void>;
  dismiss(id: number): void;
  /** Conversations that must stay in the local database (open on screen). */
  setProtected(ids: readonly string[]): void;
}

interface Engine {
  userId: string;
  db: LocalDb;
  workDocs: Accessor<WorkDocs | null>;
  outbox: Accessor<OutboxRow[]>;
  replayState: Accessor<ReplayerState>;
  pulling: Accessor<boolean>;
  pullUnreachable: Accessor<boolean>;
  hasPulled: Accessor<boolean | null>;
  enqueue(command: Command): Promise<void>;
  enqueueAll(commands: readonly Command[], alongside?: (db: LocalDb) => Promise<void>): Promise<void>;
  requestPull(): void;
  pullNow(): void;
  serverBack(): void;
  outboxFirst(): Promise<void>;
  flush(ms: number): Promise<void>;
}

/** Worth trying again later (no network, server down or restarting). */
const isRetryable = (err: unknown) => classifyFailure(err) === "retry";
const isNetworkError = (err: unknown) => err instanceof ApiError && err.code === "network";

function withOutboxLock(userId: string): (<T>(run: () => Promise<T>) => Promise<T>) | undefined {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks) return undefined;
  return <T,>(run: () => Promise<T>) => locks.request(`inbox-outbox-${userId}`, () => run()) as Promise<T>;
}

export function createLocalSlice(session: SessionSlice): LocalSlice {
  const userId = createMemo(() => session.me()?.user.id ?? null);
  const [browserOnline, setBrowserOnline] = createSignal(typeof navigator === "undefined" ? true : navigator.onLine);
  const [notices, setNotices] = createSignal<readonly Notice[]>([]);
  let noticeSeq = 0;
  const notify = (text: string, action?: Notice["action"]) => setNotices((list) => [...list, { id: ++noticeSeq, text, ...(action ? { action } : {}) }]);
  let protectedIds: readonly string[] = [];

  const engine = createMemo((): Engine | null => {
    const uid = userId();
    if (!uid) return null;
    return untrack(() => startEngine(uid));
  });

  function startEngine(uid: string): Engine {
    const db = openLocalDb(uid);
    let stopped = false;
    // The work documents are Yjs: they come with the live layer (sync/live.ts), which the list
    // asks for once its first rows are read. Whoever needs them sooner waits for it.
    const [workDocs, setWorkDocs] = createSignal<WorkDocs | null>(null);
    const openWorkDocs = (live: LiveLayer): WorkDocs => {
      let docs = untrack(workDocs);
      if (!docs) {
        docs = live.createWorkDocs(uid, {
          onOpen: (conversationId) => void db.workDocs.put({ conversationId, usedAt: Date.now() }).catch(() => {}),
        });
        setWorkDocs(docs);
      }
      return docs;
    };
    createEffect(() => {
      const live = liveLayer();
      if (live && !stopped) openWorkDocs(live);
    });
    const needWorkDocs = async (): Promise<WorkDocs> => {
      const live = await loadLive();
      if (stopped) throw new Error("Signed out");
      return openWorkDocs(live);
    };
    const outbox = createLiveQuery(
      () => db,
      (d) => d.outbox.orderBy("seq").toArray(),
      [] as OutboxRow[],
    );
    const [replayState, setReplayState] = createSignal<ReplayerState>("idle");
    const [pulling, setPulling] = createSignal(false);
    const [pullUnreachable, setPullUnreachable] = createSignal(false);
    const [pulled, setPulled] = createSignal<boolean | null>(null);
    void hasPulled(db).then(setPulled, () => setPulled(false));

    let keptUploads: ((command: Command) => Promise<Command>) | undefined;
    const replayer = createReplayer({
      store: outboxStore(db),
      send: async (commands) => (await (await loadApi()).commands(commands)).results,
      classify: classifyFailure,
      refusal: refusalResult,
      // Kept files are uploaded by code that loads with the first reply holding one, not with the inbox (issue 17).
      async prepare(command) {
        if (!hasKeptUpload(command)) return command;
        keptUploads ??= (await import("../sync/kept-uploads.ts")).prepareKeptUploads(db);
        return keptUploads(command);
      },
      async onOutcome(outcome) {
        // A bulk action's answers are summed up together (bulk/ shows one summary), not one notice each.
        if (bulkIdOf(outcome.entry.command.clientId) !== null) {
          await recordBulkResult(db, outcome.entry.command.clientId, outcome.result);
          if (!outcome.result.ok) pull.request();
          return;
        }
        // Refusals are worded from their reason code; without the words' chunk, the server's sentence.
        const effects = outcomeEffects(outcome, await loadReasonWords().catch(() => () => null));
        if (effects.draft) await (await needWorkDocs()).appendDraft(effects.draft.conversationId, effects.draft.text);
        if (effects.notice) notify(effects.notice, effects.action);
        // The optimistic state of a refused change is wrong: catch up with the server's.
        if (!outcome.result.ok) pull.request();
      },
      online: () => navigator.onLine,
      withLock: withOutboxLock(uid),
      onState(state) {
        setReplayState(state);
        pull.hold(state === "sending");
      },
    });

    const pull = createPullScheduler({
      async run() {
        const store = pullStore(db);
        // Work documents of what the server deleted or erased, gathered page by page (an
        // interrupted pull still drops those of the pages it stored).
        const gone = { conversations: new Set<string>(), erasedContacts: new Set<string>() };
        const pullPages = () =>
          pullAll(async (cursor, limit) => (await loadApi()).pull(cursor, limit), store, {
            limit: PULL_PAGE_SIZE,
            stopped: () => stopped,
            onPage: (report) => {
              setPulled(true);
              for (const id of report.deletedConversations) gone.conversations.add(id);
              for (const id of report.erasedContacts) gone.erasedContacts.add(id);
            },
          });
        try {
          try {
            await pullPages();
          } catch (err) {
            // A cursor the server no longer accepts (e.g. after a server reset): start afresh.
            if (!(err instanceof ApiError) || err.status !== 400 || (await store.cursor()) === undefined) throw err;
            await db.kv.delete(KV_PULL_CURSOR);
            await pullPages();
          }
          setPullUnreachable(false);
        } catch (err) {
          if (isNetworkError(err)) setPullUnreachable(true);
          throw err;
        } finally {
          await dropWorkDocs(gone.conversations, gone.erasedContacts);
        }
        await evict();
      },
      retryDelay: (attempt, err) => (!stopped && navigator.onLine && isRetryable(err) ? backoffDelay(attempt, { baseMs: 2_000 }) : null),
      onRunning: setPulling,
    });

    // Deleted conversations' notes and drafts, and erased customers' (their notes were redacted
    // on the server), leave this device too; a document open on screen keeps its live copy.
    const dropWorkDocs = async (conversations: ReadonlySet<string>, erasedContacts: ReadonlySet<string>) => {
      const ids = new Set(conversations);
      for (const contactId of erasedContacts) for (const c of await contactConversations(db, contactId)) ids.add(c.id);
      const open = new Set(untrack(workDocs)?.openIds() ?? []);
      const closed = [...ids].filter((id) => !open.has(id));
      if (closed.length === 0) return;
      await db.workDocs.bulkDelete(closed).catch(() => {});
      await deleteWorkDocs(uid, closed);
    };

    const evict = async () => {
      const keep = new Set<string>([...protectedIds, ...(untrack(workDocs)?.openIds() ?? [])]);
      for (const row of untrack(outbox)) keep.add(row.conversationId);
      const evicted = await evictIfNeeded(db, keep);
      if (evicted.length > 0) await deleteWorkDocs(uid, evicted);
    };

    // What this device did offline goes first: a catch-up pull (or a team list's whole state)
    // meanwhile competes with it for the server and the page, and the answers bring the
    // server's copies of those chats anyway. Catch-up follows the replay, or 3 s, whichever
    // comes first. Kicked here too, so the wait never depends on which "online" listener ran first.
    const outboxFirst = (most = OUTBOX_FIRST_MOST_MS) => {
      replayer.kick();
      return Promise.race([replayer.whenIdle(), new Promise<void>((resolve) => setTimeout(resolve, most))]);
    };
    const onOnline = () => {
      void outboxFirst().then(() => {
        if (!stopped) pull.now();
      });
    };
    window.addEventListener("online", onOnline);

    // Ask the browser not to evict this origin's storage under pressure (once granted, it stays).
    void navigator.storage?.persisted?.().then((granted) => {
      if (!granted) return navigator.storage.persist();
    }).catch(() => {});

    replayer.kick();
    if (navigator.onLine) pull.now();

    // The tabs' totals are kept by every write; check them against the rows once, a little
    // after the start (not to slow the first rows down), when the page is idle.
    let idle: number | null = null;
    const reconcile = () => {
      idle = null;
      if (!stopped) reconcileTabTotals(db).catch((err) => console.warn("Could not check the tab counts", err));
    };
    const reconcileTimer = setTimeout(() => {
      if (typeof requestIdleCallback === "function") idle = requestIdleCallback(reconcile, { timeout: 10_000 });
      else reconcile();
    }, 5_000);

    onCleanup(() => {
      stopped = true;
      clearTimeout(reconcileTimer);
      if (idle !== null) cancelIdleCallback(idle);
      window.removeEventListener("online", onOnline);
      replayer.dispose();
      pull.dispose();
      untrack(workDocs)?.destroy();
      db.close();
    });

    return {
      userId: uid,
      db,
      workDocs,
      outbox,
      replayState,
      pulling,
      pullUnreachable,
      hasPulled: pulled,
      async enqueue(command) {
        await enqueueCommand(db, command);
        replayer.kick();
      },
      async enqueueAll(commands, alongside) {
        await enqueueCommands(db, commands, alongside);
        replayer.kick();
      },
      requestPull: () => pull.request(),
      pullNow: () => pull.now(),
      serverBack: () => {
        replayer.kick();
        pull.request();
      },
      outboxFirst: () => outboxFirst(),
      async flush(ms) {
        if (navigator.onLine) await outboxFirst(ms);
      },
    };
  }

  const onOnline = () => setBrowserOnline(true);
  const onOffline = () => setBrowserOnline(false);
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  const stopHook = session.beforeSignOut(async () => {
    await engine()?.flush(4_000);
  });
  onCleanup(() => {
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
    stopHook();
  });

  const outbox = createMemo(() => engine()?.outbox() ?? []);
  const queued = createMemo(() => queuedByConversation(outbox()));

  // A new user starts with no notices of the previous one.
  createEffect(on(userId, () => setNotices([]), { defer: true }));

  return {
    db: () => engine()?.db ?? null,
    workDocs: () => engine()?.workDocs() ?? null,
    outbox,
    queued,
    waiting: createMemo(() => waitingCount(outbox())),
    browserOnline,
    unreachable: () => engine()?.replayState() === "retrying" || engine()?.pullUnreachable() === true,
    sending: () => engine()?.replayState() === "sending",
    pulling: () => engine()?.pulling() ?? false,
    hasPulled: () => engine()?.hasPulled() ?? null,
    async enqueue(command) {
      const e = engine();
      if (!e) throw new Error("Not signed in");
      await e.enqueue(command);
    },
    async enqueueAll(commands, alongside) {
      const e = engine();
      if (!e) throw new Error("Not signed in");
      await e.enqueueAll(commands, alongside);
    },
    requestPull: () => engine()?.requestPull(),
    pullNow: () => engine()?.pullNow(),
    serverBack: () => engine()?.serverBack(),
    outboxFirst: () => engine()?.outboxFirst() ?? Promise.resolve(),
    notices,
    notify,
    dismiss: (id) => setNotices((list) => list.filter((n) => n.id !== id)),
    async act(id) {
      const notice = untrack(notices).find((n) => n.id === id);
      setNotices((list) => list.filter((n) => n.id !== id));
      const e = engine();
      if (notice?.action && e) await e.enqueue(notice.action.command);
    },
    setProtected: (ids) => {
      protectedIds = ids;
    },
  };
}
