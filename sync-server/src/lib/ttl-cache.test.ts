import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache.ts";

describe("TtlCache", () => {
  it("forgets entries after their time, so other instances' changes show up", () => {
    let now = 0;
    const cache = new TtlCache<string>(1000, 10, () => now);
    cache.set("inbox", "active");
    now = 999;
    expect(cache.get("inbox")).toBe("active");
    now = 1000;
    expect(cache.get("inbox")).toBeUndefined();
  });

  it("stays within its size by dropping the oldest entry", () => {
    const cache = new TtlCache<number>(60_000, 2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, 2, 3]);
  });

  it("loads once and serves the loaded value after", async () => {
    const cache = new TtlCache<number>(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(loads).toBe(1);
  });

  it("drops the entries a change made stale, and only those", () => {
    const cache = new TtlCache<{ contactId: string }>(60_000);
    cache.set("token-1", { contactId: "dup" });
    cache.set("token-2", { contactId: "kept" });
    cache.deleteWhere((_key, v) => v.contactId === "dup");
    expect([cache.get("token-1"), cache.get("token-2")]).toEqual([undefined, { contactId: "kept" }]);
  });
});
