/**
 * Catching up with the server: GET /api/sync/pull in pages, each page's rows stored before its
 * cursor, so a download cut off anywhere resumes where it stopped with no gap and no repeat.
 * Later pulls start from the stored cursor and only bring what changed. Pure (storage and
 * transport injected), so paging and resuming are unit-tested.
 */
import type { SyncPullResponse } from "@inbox/shared";

export const PULL_PAGE_SIZE = 1000;

export interface PullStore {
  /** The cursor of the last stored page; undefined before the first pull. */
  cursor(): Promise<string | undefined>;
  /** Stores the page's rows and then its cursor (one transaction in the real store). */
  savePage(page: SyncPullResponse): Promise<SavedPage | void>;
}

/** What storing a page found out. */
export interface SavedPage {
  /** Contacts this device held unerased that the page brings erased. */
  newlyErased: string[];
}

export type FetchPage = (cursor: string | undefined, limit: number) => Promise<SyncPullResponse>;

export interface PullReport {
  pages: number;
  conversations: number;
  messages: number;
  contacts: number;
  /** Conversations the server deleted (retention): their work documents go too. */
  deletedConversations: string[];
  /** Contacts that came back erased (newly for this device): their conversations' work documents go. */
  erasedContacts: string[];
}

export async function pullAll(
  fetchPage: FetchPage,
  store: PullStore,
  opts: { limit?: number; stopped?: () => boolean; onPage?: (report: PullReport) => void } = {},
): Promise<PullReport> {
  const limit = opts.limit ?? PULL_PAGE_SIZE;
  const report: PullReport = { pages: 0, conversations: 0, messages: 0, contacts: 0, deletedConversations: [], erasedContacts: [] };
  let cursor = await store.cursor();
  let next: Promise<SyncPullResponse> | null = null;
  for (;;) {
    if (opts.stopped?.()) return report;
    const page = await (next ?? fetchPage(cursor, limit));
    next = null;
    if (opts.stopped?.()) return report;
    // The next page downloads while this one is stored (its cursor is known already); it is
    // stored only after this one, so the stored cursor still never runs ahead of the rows.
    const more = page.hasMore && page.cursor !== cursor;
    if (more) {
      next = fetchPage(page.cursor, limit);
      next.catch(() => {}); // a failed save wins; this one's error is seen when awaited
    }
    const saved = await store.savePage(page);
    report.pages++;
    report.conversations += page.conversations.length;
    report.messages += page.messages.length;
    report.contacts += page.contacts.length;
    report.deletedConversations.push(...page.deleted.conversations);
    if (saved) report.erasedContacts.push(...saved.newlyErased);
    opts.onPage?.(report);
    // A server that says "more" without moving the cursor would have us ask forever.
    if (!page.hasMore || page.cursor === cursor) return report;
    cursor = page.cursor;
  }
}

export interface PullScheduler {
  /** Pull soon: many requests within the debounce window become one pull. */
  request(): void;
  /** Pull now (sign-in, coming back online). */
  now(): void;
  running(): boolean;
  /**
   * While held, requests wait (`now()` does not): the outbox is sending, its answers carry the
   * server's copies of what the rooms announce, and pulling them meanwhile only competes with
   * the replay. Released, one pull catches up; a request held `maxHoldMs` goes ahead anyway, so
   * a long replay still brings everyone else's changes.
   */
  hold(on: boolean): void;
  dispose(): void;
}

/**
 * One pull at a time. A request while a pull runs makes exactly one more pull after it (what
 * changed meanwhile). A failed pull is retried with `retryDelay`, until one succeeds.
 */
export function createPullScheduler(opts: {
  run: () => Promise<void>;
  debounceMs?: number;
  /** Delay before retry number `attempt`; null: don't retry (e.g. offline, or refused). */
  retryDelay?: (attempt: number, error: unknown) => number | null;
  onRunning?: (running: boolean) => void;
  maxHoldMs?: number;
}): PullScheduler {
  const debounceMs = opts.debounceMs ?? 300;
  const maxHoldMs = opts.maxHoldMs ?? 3_000;
  let held = false;
  let heldRequest = false;
  let holdTimer: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let pending = false;
  let disposed = false;
  let attempt = 0;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    clear();
    timer = setTimeout(() => {
      timer = null;
      void start();
    }, ms);
  };

  async function start(): Promise<void> {
    if (disposed) return;
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    pending = false;
    opts.onRunning?.(true);
    let retryIn: number | null = null;
    try {
      await opts.run();
      attempt = 0;
    } catch (err) {
      retryIn = opts.retryDelay?.(attempt++, err) ?? null;
    } finally {
      inFlight = false;
      opts.onRunning?.(false);
    }
    if (disposed) return;
    if (pending) schedule(0);
    else if (retryIn !== null) schedule(retryIn);
  }

  function request(): void {
    if (disposed) return;
    if (inFlight) {
      pending = true;
      return;
    }
    schedule(debounceMs);
  }

  function releaseHeld(): void {
    if (holdTimer) clearTimeout(holdTimer);
    holdTimer = null;
    if (!heldRequest) return;
    heldRequest = false;
    request();
  }

  return {
    request() {
      if (disposed) return;
      if (held) {
        heldRequest = true;
        holdTimer ??= setTimeout(releaseHeld, maxHoldMs);
        return;
      }
      request();
    },
    hold(on) {
      if (on === held) return;
      held = on;
      if (!on) releaseHeld();
    },
    now() {
      if (disposed) return;
      clear();
      void start();
    },
    running: () => inFlight,
    dispose() {
      disposed = true;
      clear();
      if (holdTimer) clearTimeout(holdTimer);
    },
  };
}
