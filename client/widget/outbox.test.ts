import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WidgetMessage } from "@inbox/shared/api/widget";
import { ApiError, NetworkError } from "./api.ts";
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
});
