import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetMessage } from "@inbox/shared/api/widget";
import { ApiError, NetworkError } from "./api.ts";
import { LiveSendUnavailable } from "./live.ts";
import { createOutbox, type OutboxEntry } from "./outbox.ts";

function serverCopy(e: OutboxEntry, id = `srv-${e.clientId}`): WidgetMessage {
  return {
    id,
    clientId: e.clientId,
    from: "customer",
    senderName: "",
    content: { kind: "text", text: e.text },
    status: "sent",
    createdAt: 1,
    position: 1,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("outbox", () => {
  it("retries a message that hit a network error with the same clientId until it gets through", async () => {
    const attempts: string[] = [];
    const sent: WidgetMessage[] = [];
    const outbox = createOutbox({
      send: async (e) => {
        attempts.push(e.clientId);
        if (attempts.length < 3) throw new NetworkError();
        return serverCopy(e);
      },
      onSent: (_e, m) => sent.push(m),
      onFailed: () => expect.unreachable(),
      backoff: (n) => 1000 * 2 ** n,
    });
    outbox.enqueue({ clientId: "client-aaaa", text: "hello" });
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts).toHaveLength(1); // still waiting out the backoff
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(attempts).toEqual(["client-aaaa", "client-aaaa", "client-aaaa"]);
    expect(sent.map((m) => m.clientId)).toEqual(["client-aaaa"]);
    expect(outbox.pending()).toEqual([]);
  });

  it("reports a 4xx rejection once, without retrying, and moves on to the next message", async () => {
    const attempts: string[] = [];
    const failed: [string, string][] = [];
    const sent: string[] = [];
    const outbox = createOutbox({
      send: async (e) => {
        attempts.push(e.clientId);
        if (e.clientId === "client-bad1") throw new ApiError(422, "validation_failed", "Too long");
        return serverCopy(e);
      },
      onSent: (e) => sent.push(e.clientId),
      onFailed: (e, err) => failed.push([e.clientId, (err as Error).message]),
    });
    outbox.enqueue({ clientId: "client-bad1", text: "x" });
    outbox.enqueue({ clientId: "client-good", text: "y" });
    await vi.advanceTimersByTimeAsync(0);
    expect(failed).toEqual([["client-bad1", "Too long"]]);
    expect(sent).toEqual(["client-good"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toEqual(["client-bad1", "client-good"]);
  });

  it("keeps typing order: a later message waits for an earlier one that is retrying", async () => {
    let online = false;
    const order: string[] = [];
    const outbox = createOutbox({
      send: async (e) => {
        if (!online) throw new NetworkError();
        order.push(e.text);
        return serverCopy(e);
      },
      onSent: () => {},
      onFailed: () => expect.unreachable(),
      backoff: () => 5000,
    });
    outbox.enqueue({ clientId: "client-0001", text: "first" });
    outbox.enqueue({ clientId: "client-0002", text: "second" });
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.pending()).toHaveLength(2);
    online = true;
    outbox.kick(); // e.g. the browser's "online" event: don't wait out the backoff
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(["first", "second"]);
  });

  it("does not queue the same clientId twice", async () => {
    const attempts: string[] = [];
    const outbox = createOutbox({
      send: async (e) => {
        attempts.push(e.clientId);
        throw new NetworkError();
      },
      onSent: () => {},
      onFailed: () => {},
      backoff: () => 1000,
    });
    outbox.enqueue({ clientId: "client-0001", text: "a" });
    outbox.enqueue({ clientId: "client-0001", text: "a" });
    expect(outbox.pending()).toHaveLength(1);
    outbox.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempts).toHaveLength(1);
  });

  describe("with a live socket", () => {
    function setup(live: (e: OutboxEntry) => Promise<WidgetMessage> | null) {
      const log: string[] = [];
      const outbox = createOutbox({
        sendLive: (e) => {
          const p = live(e);
          if (p) log.push(`live ${e.clientId}`);
          return p;
        },
        send: async (e) => {
          log.push(`post ${e.clientId}`);
          return serverCopy(e);
        },
        onSent: (e) => log.push(`sent ${e.clientId}`),
        onFailed: (e, err) => log.push(`failed ${e.clientId}: ${(err as Error).message}`),
        backoff: () => 1000,
      });
      return { outbox, log };
    }

    it("uses the socket when it takes the message, and POST when it declines", async () => {
      let open = true;
      const { outbox, log } = setup((e) => (open ? Promise.resolve(serverCopy(e)) : null));
      outbox.enqueue({ clientId: "client-0001", text: "a" });
      await vi.advanceTimersByTimeAsync(0);
      open = false;
      outbox.enqueue({ clientId: "client-0002", text: "b" });
      await vi.advanceTimersByTimeAsync(0);
      expect(log).toEqual(["live client-0001", "sent client-0001", "post client-0002", "sent client-0002"]);
    });

    it("falls back to POST with the same clientId at once when the socket gives up", async () => {
      const { outbox, log } = setup(() => Promise.reject(new LiveSendUnavailable()));
      outbox.enqueue({ clientId: "client-0001", text: "a" });
      await vi.advanceTimersByTimeAsync(0);
      expect(log).toEqual(["live client-0001", "post client-0001", "sent client-0001"]);
    });

    it("treats a refusal on the socket like a 4xx from POST: reported, not retried, next one goes", async () => {
      const { outbox, log } = setup((e) =>
        e.clientId === "client-0001" ? Promise.reject(new ApiError(400, "validation_failed", "No links")) : Promise.resolve(serverCopy(e)),
      );
      outbox.enqueue({ clientId: "client-0001", text: "a" });
      outbox.enqueue({ clientId: "client-0002", text: "b" });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(log).toEqual(["live client-0001", "failed client-0001: No links", "live client-0002", "sent client-0002"]);
    });

    it("does not fall back to POST after being disposed mid-send", async () => {
      let giveUp: (err: unknown) => void = () => {};
      const { outbox, log } = setup(() => new Promise((_r, reject) => (giveUp = reject)));
      outbox.enqueue({ clientId: "client-0001", text: "a" });
      await vi.advanceTimersByTimeAsync(0);
      outbox.dispose();
      giveUp(new LiveSendUnavailable());
      await vi.advanceTimersByTimeAsync(0);
      expect(log).toEqual(["live client-0001"]);
    });
  });
});
