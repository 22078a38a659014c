import { describe, expect, it } from "vitest";
import { summarizeConnection } from "./connection.ts";

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
