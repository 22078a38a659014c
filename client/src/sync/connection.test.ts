import { describe, expect, it } from "vitest";
import { connectionBadge, summarizeConnection } from "./connection.ts";

describe("summarizeConnection", () => {
  it("is offline whenever the browser is", () => {
    expect(summarizeConnection(["connected"], false)).toBe("offline");
  });

  it("is live only when every room is connected", () => {
    expect(summarizeConnection(["connected", "connected"], true)).toBe("live");
    expect(summarizeConnection(["connected", "connecting"], true)).toBe("connecting");
    expect(summarizeConnection(["disconnected", "disconnected"], true)).toBe("offline");
  });

  it("ignores rooms the server refused, and has nothing to wait for without rooms", () => {
    expect(summarizeConnection(["connected", "forbidden"], true)).toBe("live");
    expect(summarizeConnection([], true)).toBe("live");
  });
});

describe("connectionBadge", () => {
  const base = { rooms: "live" as const, browserOnline: true, unreachable: false, busy: false, waiting: 0 };

  it("says offline and how many changes wait", () => {
    const badge = connectionBadge({ ...base, browserOnline: false, waiting: 3 });
    expect(badge.state).toBe("offline");
    expect(badge.text).toBe("Offline · 3 changes waiting");
    expect(badge.label).toBe("Connection: Offline · 3 changes waiting");
    expect(connectionBadge({ ...base, unreachable: true, waiting: 1 }).text).toBe("Offline · 1 change waiting");
  });

  it("says syncing while changes go out or come in, and online when caught up", () => {
    expect(connectionBadge({ ...base, waiting: 2 }).text).toBe("Syncing · 2 changes waiting");
    expect(connectionBadge({ ...base, busy: true }).state).toBe("syncing");
    expect(connectionBadge(base).text).toBe("Online");
  });
});
