import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetMessage } from "@inbox/shared/api/widget";
import { ApiError } from "./api.ts";
import { createLive, LiveSendUnavailable, type LiveStatus } from "./live.ts";
import { FakeSocket, msg } from "./testing/fakes.ts";

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
});
afterEach(() => vi.useRealTimers());

function setup() {
  const received: WidgetMessage[] = [];
  const readies: boolean[] = [];
  const statuses: LiveStatus[] = [];
  let token = "t1";
  const live = createLive({
    url: () => `ws://h/api/widget/i/live?ticket=${token}`,
    connect: (url) => new FakeSocket(url),
    onMessage: (m) => received.push(m),
    onReady: (r) => readies.push(r),
    onStatus: (s) => statuses.push(s),
    backoff: (n) => 1000 * 2 ** n,
  });
  return { live, received, readies, statuses, setToken: (t: string) => (token = t) };
}

describe("live socket", () => {
  it("delivers message frames and ignores junk or unknown frames", () => {
    const { live, received } = setup();
    live.start();
    const s = FakeSocket.latest();
    expect(s.url).toBe("ws://h/api/widget/i/live?ticket=t1");
    s.ready();
    const m = msg({ text: "Hi! How can I help?" });
    s.push({ type: "message", message: m });
    s.push("not json");
    s.push({ type: "typing" });
    s.push({ type: "message", message: { id: 1 } });
    expect(received).toEqual([m]);
  });

  it("reconnects after a drop, waiting longer each time, and says when it is back", async () => {
    const { live, readies, statuses } = setup();
    live.start();
    FakeSocket.latest().ready();
    expect(live.status()).toBe("open");

    FakeSocket.latest().drop();
    expect(live.status()).toBe("connecting");
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.latest().drop(); // server still down
    await vi.advanceTimersByTimeAsync(1999);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.latest().ready();
    expect(readies).toEqual([false, true]); // second ready is a reconnect: caller refetches history
    expect(statuses.at(-1)).toBe("open");

    // A successful connection resets the backoff.
    FakeSocket.latest().drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(4);
  });

  it("reconnects immediately when asked (browser back online)", async () => {
    const { live } = setup();
    live.start();
    FakeSocket.latest().drop();
    live.reconnectNow();
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(2); // the pending backoff timer was cancelled
  });

  it("connects once a fetched url (a ticket) arrives, and retries with backoff when fetching it fails", async () => {
    let fail = true;
    const fetched: number[] = [];
    const live = createLive({
      url: async () => {
        fetched.push(Date.now());
        if (fail) throw new Error("offline");
        return "ws://h/api/widget/i/live?ticket=fresh";
      },
      connect: (url) => new FakeSocket(url),
      onMessage: () => undefined,
      backoff: (n) => 1000 * 2 ** n,
    });
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.all).toHaveLength(0);
    expect(live.status()).toBe("connecting");
    live.reconnectNow(); // still waiting out the backoff's first step: asks again now
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched).toHaveLength(2);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(FakeSocket.latest().url).toBe("ws://h/api/widget/i/live?ticket=fresh");
    FakeSocket.latest().ready();
    expect(live.status()).toBe("open");
    live.stop();
  });

  it("stays closed after stop, even if the old socket reports a close later", async () => {
    const { live } = setup();
    live.start();
    const s = FakeSocket.latest();
    live.stop();
    expect(s.closed).toBe(true);
    s.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(live.status()).toBe("closed");
  });

  describe("sending a message", () => {
    const entry = { clientId: "client-0001", text: "hello" };

    it("declines until the server says ready, then writes a send frame and resolves on its ack", async () => {
      const { live, received } = setup();
      live.start();
      const s = FakeSocket.latest();
      expect(live.sendMessage(entry)).toBeNull(); // connecting: the caller uses POST
      s.ready();
      const p = live.sendMessage(entry)!;
      expect(s.sent).toEqual([{ type: "send", clientId: "client-0001", text: "hello" }]);
      const m = msg({ clientId: "client-0001", from: "customer", text: "hello" });
      s.push({ type: "ack", clientId: "client-0002", message: msg() }); // someone else's
      s.push({ type: "ack", clientId: "client-0001", message: m });
      await expect(p).resolves.toEqual(m);
      expect(received).toHaveLength(1); // the stray ack is still shown; ours is the caller's
    });

    it("rejects with the server's words on an error frame, with the status the POST would give", async () => {
      const { live, received } = setup();
      live.start();
      FakeSocket.latest().ready();
      const p = live.sendMessage(entry)!;
      FakeSocket.latest().push({ type: "error", clientId: "client-0001", code: "channel_unavailable", message: "Chat is closed" });
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ status: 409, code: "channel_unavailable", message: "Chat is closed" });
      expect(received).toEqual([]); // an error frame is not a chat message
    });

    it("gives up (for POST to take over) when the socket closes mid-send or stays silent", async () => {
      const { live } = setup();
      live.start();
      FakeSocket.latest().ready();
      const dropped = live.sendMessage(entry)!.catch((e: unknown) => e);
      FakeSocket.latest().drop();
      expect(await dropped).toBeInstanceOf(LiveSendUnavailable);
      expect(live.sendMessage(entry)).toBeNull();

      await vi.advanceTimersByTimeAsync(1000);
      FakeSocket.latest().ready();
      const silent = live.sendMessage(entry)!.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5000);
      expect(await silent).toBeInstanceOf(LiveSendUnavailable);
      expect(live.sendMessage({ clientId: "client-0002", text: "x" })).toBeNull(); // POST until reconnected
    });
  });
});
