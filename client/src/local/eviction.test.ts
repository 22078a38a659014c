import { describe, expect, it } from "vitest";
import { conversation } from "../test/fixtures.ts";
import { chooseEvictions, MAX_CACHED_MESSAGES, evictionOrder, messagesToEvict } from "./eviction.ts";

describe("eviction", () => {
  const list = [
    conversation({ id: "open-old", status: "open", lastActivityAt: 1 }),
    conversation({ id: "resolved-new", status: "resolved", lastActivityAt: 50 }),
    conversation({ id: "resolved-old", status: "resolved", lastActivityAt: 10 }),
    conversation({ id: "resolved-oldest-but-open-on-screen", status: "resolved", lastActivityAt: 0 }),
    conversation({ id: "open-new", status: "open", lastActivityAt: 99 }),
  ];

  it("drops the oldest resolved conversations first, then the oldest others, never kept ones", () => {
    expect(evictionOrder(list, new Set(["resolved-oldest-but-open-on-screen"]))).toEqual([
      "resolved-old",
      "resolved-new",
      "open-old",
      "open-new",
    ]);
  });

  it("does nothing within the limit and goes below it when over, so it does not run again at once", () => {
    expect(messagesToEvict(50_000, 50_000)).toBe(0);
    expect(messagesToEvict(50_001, 50_000)).toBe(5_001);
  });

  it("keeps a 100,000-message working set by default", () => {
    expect(messagesToEvict(100_000)).toBe(0);
    expect(messagesToEvict(MAX_CACHED_MESSAGES + 1)).toBeGreaterThan(0);
  });

  it("takes whole conversations until enough messages are freed, counting only those it considers", async () => {
    const counts: Record<string, number> = { a: 300, b: 0, c: 500, d: 900 };
    const asked: string[] = [];
    const chosen = await chooseEvictions(["a", "b", "c", "d"], 600, (id) => (asked.push(id), counts[id] ?? 0));
    expect(chosen).toEqual(["a", "c"]);
    expect(asked).toEqual(["a", "b", "c"]);
  });
});
