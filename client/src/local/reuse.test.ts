import { describe, expect, it } from "vitest";
import { conversation } from "../test/fixtures.ts";
import { reuseUnchanged } from "./reuse.ts";

describe("reuseUnchanged", () => {
  it("keeps the old object of an unchanged row and takes the new one of a changed row", () => {
    const a = conversation({ id: "a" });
    const b = conversation({ id: "b" });
    const next = reuseUnchanged([conversation({ id: "a" }), conversation({ id: "b", unreadCount: 2 })], [a, b]);
    expect(next[0]).toBe(a);
    expect(next[1]).not.toBe(b);
    expect(next[1]?.unreadCount).toBe(2);
  });
});
