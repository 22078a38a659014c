import type { SyncPullResponse } from "@inbox/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { conversation, message } from "../test/fixtures.ts";
import { createPullScheduler, pullAll, type PullStore } from "./pull.ts";

/** A server with 5 pages of changes; the cursor of page n is "c<n>". */
function pagedServer(pages = 5) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined, limit: number): Promise<SyncPullResponse> => {
    asked.push(cursor);
    const n = cursor ? Number(cursor.slice(1)) + 1 : 1;
    return {
      conversations: [conversation({ id: `conv-${n}` })],
      messages: Array.from({ length: Math.min(limit, 3) }, (_, i) => message({ id: `m-${n}-${i}`, conversationId: `conv-${n}` })),
      contacts: [],
      deleted: { conversations: [], contacts: [], messages: [] },
      cursor: `c${n}`,
      hasMore: n < pages,
    };
  };
  return { fetchPage, asked };
}

/** Dexie stand-in: rows and cursor, and an optional crash before storing page N. */
function memoryStore(crashOnPage?: number) {
  const state = { cursor: undefined as string | undefined, conversations: new Map<string, unknown>(), messages: new Map<string, unknown>(), saved: 0 };
  const store: PullStore = {
    cursor: async () => state.cursor,
    async savePage(page) {
      if (crashOnPage !== undefined && state.saved + 1 === crashOnPage) throw new Error("tab closed");
      for (const c of page.conversations) state.conversations.set(c.id, c);
      for (const m of page.messages) state.messages.set(m.id, m);
      state.cursor = page.cursor;
      state.saved++;
    },
  };
  return { store, state };
}

describe("pullAll", () => {
  it("downloads every page, storing the rows and then each page's cursor", async () => {
    const server = pagedServer(3);
    const { store, state } = memoryStore();
    const report = await pullAll(server.fetchPage, store, { limit: 1000 });
    expect(server.asked).toEqual([undefined, "c1", "c2"]);
    expect(report).toMatchObject({ pages: 3, conversations: 3, messages: 9 });
    expect(state.cursor).toBe("c3");
  });

  it("resumes an interrupted download at the next page instead of starting over", async () => {
    const server = pagedServer(5);
    const { store, state } = memoryStore(3);
    await expect(pullAll(server.fetchPage, store)).rejects.toThrow("tab closed");
    // Pages 1 and 2 were stored with their cursor; page 3 was fetched but never stored.
    expect(state.cursor).toBe("c2");
    expect([...state.conversations.keys()]).toEqual(["conv-1", "conv-2"]);

    server.asked.length = 0;
    const resumed = memoryStore();
    Object.assign(resumed.state, { cursor: state.cursor });
    await pullAll(server.fetchPage, resumed.store);
    expect(server.asked).toEqual(["c2", "c3", "c4"]);
    expect([...resumed.state.conversations.keys()]).toEqual(["conv-3", "conv-4", "conv-5"]);
  });

  it("asks only for what changed after the stored cursor", async () => {
    const server = pagedServer(5);
    const { store, state } = memoryStore();
    state.cursor = "c4";
    const report = await pullAll(server.fetchPage, store);
    expect(server.asked).toEqual(["c4"]);
    expect(report.pages).toBe(1);
  });

  it("reports what the server deleted and which contacts the store found newly erased, page by page", async () => {
    const pages: SyncPullResponse[] = [
      { conversations: [], messages: [], contacts: [], deleted: { conversations: ["gone-1"], contacts: [], messages: [] }, cursor: "d1", hasMore: true },
      { conversations: [], messages: [], contacts: [], deleted: { conversations: ["gone-2"], contacts: [], messages: [] }, cursor: "d2", hasMore: false },
    ];
    const seen: string[][] = [];
    const store: PullStore = {
      cursor: async () => undefined,
      savePage: async (page) => ({ newlyErased: page.cursor === "d2" ? ["contact-9"] : [] }),
    };
    const report = await pullAll(async () => pages.shift()!, store, { onPage: (r) => seen.push([...r.deletedConversations]) });
    expect(report).toMatchObject({ pages: 2, deletedConversations: ["gone-1", "gone-2"], erasedContacts: ["contact-9"] });
    expect(seen).toEqual([["gone-1"], ["gone-1", "gone-2"]]);
  });

  it("stops when the server says there is more but does not move the cursor", async () => {
    const { store } = memoryStore();
    let calls = 0;
    const stuck = async (): Promise<SyncPullResponse> => {
      calls++;
      return { conversations: [], messages: [], contacts: [], deleted: { conversations: [], contacts: [], messages: [] }, cursor: "same", hasMore: true };
    };
    await pullAll(stuck, store);
    expect(calls).toBe(2);
  });
});

describe("createPullScheduler", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("turns a burst of room changes into one pull after 300 ms of quiet", async () => {
    const run = vi.fn(async () => {});
    const s = createPullScheduler({ run, debounceMs: 300 });
    s.request();
    await vi.advanceTimersByTimeAsync(100);
    s.request();
    await vi.advanceTimersByTimeAsync(200);
    s.request();
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("pulls once more after a pull that had changes arrive while it ran", async () => {
    let finish!: () => void;
    const run = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const s = createPullScheduler({ run });
    s.now();
    s.request();
    s.request();
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("holds room-driven pulls while the outbox is sending, then pulls once; a long hold lets one through", async () => {
    const run = vi.fn(async () => {});
    const s = createPullScheduler({ run, debounceMs: 300, maxHoldMs: 3_000 });
    s.hold(true);
    s.request();
    await vi.advanceTimersByTimeAsync(1_000);
    s.request();
    expect(run).not.toHaveBeenCalled();
    s.hold(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(run).toHaveBeenCalledTimes(1);

    s.hold(true);
    s.request();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + 300);
    expect(run).toHaveBeenCalledTimes(2);
    // Asked for by name (coming back online), a pull is never held.
    s.now();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(3);
    s.hold(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("retries a failed pull after the given delay", async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValue(undefined);
    const s = createPullScheduler({ run, retryDelay: () => 1000 });
    s.now();
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
