import { describe, expect, it } from "vitest";
import { ApiError, NetworkError, createApi, isRetryable, liveUrl, retryAfterMs, serverOrigin } from "./api.ts";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const message = {
  id: "m1",
  clientId: "client-0001",
  from: "customer",
  senderName: "Ada",
  content: { kind: "text", text: "hi" },
  status: "sent",
  createdAt: 1000,
  position: 1,
};

describe("widget api", () => {
  it("talks to the script's server with the customer's token", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const api = createApi({
      origin: "https://chat.example.com",
      inboxId: "inbox 1",
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init! });
        return json(201, { message });
      },
    });
    const sent = await api.sendMessage("tok", { clientId: "client-0001", text: "hi" });
    expect(sent).toEqual(message);
    expect(calls[0]!.url).toBe("https://chat.example.com/api/widget/inbox%201/messages");
    expect(calls[0]!.init.method).toBe("POST");
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe("Bearer tok");
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ clientId: "client-0001", text: "hi" });
  });

  it("surfaces the server's own error message for a rejected request", async () => {
    const api = createApi({
      origin: "http://x",
      inboxId: "i",
      fetch: async () =>
        json(422, { error: { code: "validation_failed", message: "That message is too long." } }),
    });
    const err = await api.sendMessage("t", { clientId: "client-0001", text: "x" }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe("That message is too long.");
    expect(err.status).toBe(422);
    expect(isRetryable(err)).toBe(false);
  });

  it("treats an unreachable server as a retryable network error", async () => {
    const api = createApi({
      origin: "http://x",
      inboxId: "i",
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const err = await api.getConfig().catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(isRetryable(err)).toBe(true);
  });

  it("retries server hiccups and rate limits, not client mistakes", () => {
    expect(isRetryable(new ApiError(503, "internal", "x"))).toBe(true);
    expect(isRetryable(new ApiError(429, "rate_limited", "x"))).toBe(true);
    expect(isRetryable(new ApiError(400, "bad_request", "x"))).toBe(false);
    expect(isRetryable(new Error("bug"))).toBe(false);
  });

  it("an overloaded server's 503 is retryable and carries its Retry-After", async () => {
    const api = createApi({
      origin: "http://x",
      inboxId: "i",
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: "overloaded", message: "We're very busy right now. Your message will be sent in a moment." } }), {
          status: 503,
          headers: { "Content-Type": "application/json", "Retry-After": "10" },
        }),
    });
    const err = await api.sendMessage("t", { clientId: "client-0001", text: "x" }).catch((e) => e);
    expect(err).toMatchObject({ status: 503, code: "overloaded", retryAfterMs: 10_000 });
    expect(isRetryable(err)).toBe(true);
    expect(retryAfterMs("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(30_000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });

  it("rejects a response that doesn't match the contract instead of rendering garbage", async () => {
    const api = createApi({
      origin: "http://x",
      inboxId: "i",
      fetch: async () => json(200, { inboxId: "i", name: 3 }),
    });
    await expect(api.getConfig()).rejects.toBeInstanceOf(ApiError);
  });

  it("gives a readable message when an error response isn't JSON", async () => {
    const api = createApi({
      origin: "http://x",
      inboxId: "i",
      fetch: async () => new Response("<html>Bad gateway</html>", { status: 502 }),
    });
    const err = await api.getMessages("t").catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toMatch(/try again/);
  });
});

describe("urls", () => {
  it("derives the server origin from the script src, even when relative", () => {
    expect(serverOrigin("https://chat.example.com/widget.js", "https://shop.test/p")).toBe("https://chat.example.com");
    expect(serverOrigin("/widget.js", "http://localhost:8787/demo")).toBe("http://localhost:8787");
  });

  it("uses a secure socket on https pages' servers", () => {
    expect(liveUrl("https://chat.example.com", "in_1", "a b")).toBe(
      "wss://chat.example.com/api/widget/in_1/live?ticket=a+b",
    );
    expect(liveUrl("http://localhost:8787", "in_1", "t")).toBe("ws://localhost:8787/api/widget/in_1/live?ticket=t");
  });
});
