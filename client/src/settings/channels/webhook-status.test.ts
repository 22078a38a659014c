import { describe, expect, it } from "vitest";
import type { ChannelWebhook } from "@inbox/shared";
import { webhookLines } from "./webhook-status.ts";

const base: ChannelWebhook = { expectedUrl: null, url: null, registered: false, pendingUpdates: null, lastError: null, lastErrorAt: null, problem: null };

describe("the webhook status line", () => {
  it("says where it is registered", () => {
    const url = "https://inbox.example/webhooks/telegram/i1";
    expect(webhookLines({ ...base, expectedUrl: url, url, registered: true, pendingUpdates: 0 })).toEqual({ headline: `Webhook: registered at ${url}`, details: [] });
  });

  it("says it is not registered, and why", () => {
    expect(webhookLines({ ...base, problem: "This server's address is not a public https address." })).toEqual({
      headline: "Webhook: not registered",
      details: ["This server's address is not a public https address."],
    });
  });

  it("shows the platform's last error and what waits there", () => {
    const lines = webhookLines(
      { ...base, url: "https://old.example/hook", pendingUpdates: 4, lastError: "Connection timed out", lastErrorAt: Date.UTC(2026, 0, 2, 10, 30) },
      "en-GB",
    );
    expect(lines.headline).toBe("Webhook: the platform delivers to https://old.example/hook");
    expect(lines.details[0]).toBe("4 updates waiting on the platform.");
    expect(lines.details[1]).toMatch(/^Last error \(02\/01\/2026, \d\d:\d\d\): Connection timed out$/);
  });
});
