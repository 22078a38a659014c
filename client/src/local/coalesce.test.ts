import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoalescer } from "./coalesce.ts";

type Item = { id: string; v: number };

function setup(windowMs = 50) {
  const writes: Item[][] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const c = createCoalescer<Item>({
    key: (i) => i.id,
    windowMs,
    write: (items) => {
      writes.push(items);
      return hold ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    },
  });
  return { c, writes, holdNext: () => (hold = true), release: () => { hold = false; release?.(); } };
}

describe("coalescer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes a burst once, the last value of each key winning", async () => {
    const { c, writes } = setup();
    for (let i = 0; i < 500; i++) c.add([{ id: `c${i % 10}`, v: i }]);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toHaveLength(10);
    expect(writes[0]!.find((x) => x.id === "c3")!.v).toBe(493);
  });

  it("holds new items while a write is in flight, then writes them together", async () => {
    const { c, writes, holdNext, release } = setup();
    holdNext();
    c.add([{ id: "a", v: 1 }]);
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toHaveLength(1);
    c.add([{ id: "b", v: 1 }]);
    c.add([{ id: "c", v: 1 }]);
    await vi.advanceTimersByTimeAsync(500);
    expect(writes).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(50);
    expect(writes.map((w) => w.map((x) => x.id))).toEqual([["a"], ["b", "c"]]);
  });

  it("flushes at once on demand and nothing is lost", async () => {
    const { c, writes } = setup();
    c.add([{ id: "a", v: 1 }]);
    c.flush();
    expect(writes).toEqual([[{ id: "a", v: 1 }]]);
    expect(c.size()).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(writes).toHaveLength(1);
  });

  it("reports a failed write and goes on", async () => {
    const errors: unknown[] = [];
    let fail = true;
    const writes: string[][] = [];
    const c = createCoalescer<Item>({
      key: (i) => i.id,
      write: async (items) => {
        writes.push(items.map((i) => i.id));
        if (fail) throw new Error("nope");
      },
      onError: (e) => errors.push(e),
    });
    c.add([{ id: "a", v: 1 }]);
    await vi.advanceTimersByTimeAsync(50);
    fail = false;
    c.add([{ id: "b", v: 1 }]);
    await vi.advanceTimersByTimeAsync(50);
    expect(errors).toHaveLength(1);
    expect(writes).toEqual([["a"], ["b"]]);
  });
});
