import { describe, expect, it } from "vitest";
import { stepThrough } from "./list-order.ts";

describe("stepThrough", () => {
  const ids = ["a", "b", "c"];
  it("moves to the neighbour and stops at both ends", () => {
    expect(stepThrough(ids, "b", 1)).toBe("c");
    expect(stepThrough(ids, "b", -1)).toBe("a");
    expect(stepThrough(ids, "c", 1)).toBe("c");
    expect(stepThrough(ids, "a", -5)).toBe("a");
  });
  it("starts at the top going down, at the bottom going up, when the open one is not listed", () => {
    expect(stepThrough(ids, null, 1)).toBe("a");
    expect(stepThrough(ids, "gone", -1)).toBe("c");
    expect(stepThrough([], "a", 1)).toBeNull();
  });
});
