import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetMessage } from "@inbox/shared/api/widget";
import { createLive, type LiveStatus } from "./live.ts";
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
    url: () => `ws://h/api/widget/i/live?token=${token}`,
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
    expect(s.url).toBe("ws://h/api/widget/i/live?token=t1");
    s.ready();
    const m = msg({ text: "Hi! How can I help?" });
    s.send({ type: "message", message: m });
    s.send("not json");
    s.send({ type: "typing" });
    s.send({ type: "message", message: { id: 1 } });
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
});
