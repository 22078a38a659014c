import { describe, expect, it } from "vitest";
import { syncServerUrl } from "./sync-url.ts";

describe("syncServerUrl", () => {
  it("uses wss on https pages and keeps the host and port", () => {
    expect(syncServerUrl({ protocol: "https:", host: "inbox.example.com" })).toBe("wss://inbox.example.com/sync");
    expect(syncServerUrl({ protocol: "http:", host: "127.0.0.1:8787" })).toBe("ws://127.0.0.1:8787/sync");
  });
});
