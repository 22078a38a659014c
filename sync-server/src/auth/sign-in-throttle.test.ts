import { describe, expect, it } from "vitest";
import { networkOf, throttleKeys } from "./sign-in-throttle.ts";

describe("throttling keys", () => {
  it("counts an IPv4 address as itself and an IPv6 address by its /64, however it is written", () => {
    expect(networkOf("203.0.113.7")).toBe("203.0.113.7");
    expect(networkOf("2001:db8:85a3:0042:1000:8a2e:370:7334")).toBe("2001:db8:85a3:42::/64");
    expect(networkOf("2001:db8:85a3:42::1")).toBe("2001:db8:85a3:42::/64");
    expect(networkOf("2001:0db8:85a3:0042:ffff::9")).toBe("2001:db8:85a3:42::/64");
    expect(networkOf("::1")).toBe("0:0:0:0::/64");
    expect(networkOf("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  it("keys the account by its email and the address by its network", () => {
    expect(throttleKeys("ana@demo.inbox", "2001:db8:1:2:3:4:5:6")).toEqual({ account: "account:ana@demo.inbox", address: "address:2001:db8:1:2::/64" });
    expect(throttleKeys("ana@demo.inbox", null)).toEqual({ account: "account:ana@demo.inbox", address: null });
  });
});
