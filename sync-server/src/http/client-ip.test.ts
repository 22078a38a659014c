import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./client-ip.ts";

describe("the caller's address", () => {
  const trusted = new Set(["10.0.0.2", "10.0.0.3"]);

  it("is the connection's peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("198.51.100.7", "203.0.113.66", trusted)).toBe("198.51.100.7");
    expect(resolveClientIp("::ffff:198.51.100.7", undefined, trusted)).toBe("198.51.100.7");
    expect(resolveClientIp(null, "203.0.113.66", trusted)).toBeNull();
  });

  it("behind trusted proxies, is the nearest hop they did not add: a client's own forged entries stay to the left", () => {
    expect(resolveClientIp("10.0.0.2", "203.0.113.66", trusted)).toBe("203.0.113.66");
    expect(resolveClientIp("10.0.0.2", "1.2.3.4, 203.0.113.66, 10.0.0.3", trusted)).toBe("203.0.113.66");
    expect(resolveClientIp("::ffff:10.0.0.2", " 203.0.113.66 ", trusted)).toBe("203.0.113.66");
  });
});
