import { describe, expect, it } from "vitest";
import { runInOrder, type Lane } from "./command-order.ts";

interface Item {
  id: string;
  lane: Lane;
  fail?: boolean;
}

/**
 * Runs the items with a log of starts and ends; each item holds its turn until released, so the
 * test decides the order things finish in and sees what was allowed to start meanwhile.
 */
function harness(items: Item[]) {
  const log: string[] = [];
  const waiting = new Map<string, () => void>();
  const started = new Set<string>();
  const run = async (item: Item) => {
    log.push(`start ${item.id}`);
    started.add(item.id);
    await new Promise<void>((resolve) => waiting.set(item.id, resolve));
    log.push(`end ${item.id}`);
    if (item.fail) throw new Error(`${item.id} broke`);
    return item.id.toUpperCase();
  };
  const done = runInOrder(items, (item) => item.lane, run);
  // A zero timeout runs after every pending microtask: whatever could start has started.
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const release = async (id: string) => {
    await settle();
    if (!started.has(id)) throw new Error(`${id} has not started (log: ${log.join(", ")})`);
    waiting.get(id)!();
    await settle();
  };
  const startedNow = async () => (await settle(), [...started]);
  return { done, release, log, startedNow };
}

describe("the order a batch's commands run in", () => {
  it("runs different conversations side by side, and one conversation's commands one after the other", async () => {
    const h = harness([
      { id: "a1", lane: { key: "a" } },
      { id: "b1", lane: { key: "b" } },
      { id: "a2", lane: { key: "a" } },
      { id: "c1", lane: { key: "c" } },
    ]);
    expect(await h.startedNow()).toEqual(["a1", "b1", "c1"]);
    await h.release("b1");
    await h.release("c1");
    expect(await h.startedNow()).toEqual(["a1", "b1", "c1"]);
    await h.release("a1");
    expect(await h.startedNow()).toContain("a2");
    await h.release("a2");
    expect(await h.done).toEqual(["A1", "B1", "A2", "C1"].map((value) => ({ status: "done", value })));
  });

  it("runs a command that reaches beyond its conversation alone: after all before it, before any after it", async () => {
    const h = harness([
      { id: "a1", lane: { key: "a" } },
      { id: "b1", lane: { key: "b" } },
      { id: "assign", lane: "alone" },
      { id: "c1", lane: { key: "c" } },
    ]);
    expect(await h.startedNow()).toEqual(["a1", "b1"]);
    await h.release("a1");
    expect(await h.startedNow()).toEqual(["a1", "b1"]);
    await h.release("b1");
    expect(await h.startedNow()).toEqual(["a1", "b1", "assign"]);
    await h.release("assign");
    await h.release("c1");
    expect((await h.done).map((s) => s.status)).toEqual(["done", "done", "done", "done"]);
    expect(h.log.indexOf("end assign")).toBeLessThan(h.log.indexOf("start c1"));
  });

  it("after a fault, skips the rest of that conversation and everything from the next lone command, but lets other conversations finish", async () => {
    const h = harness([
      { id: "a1", lane: { key: "a" }, fail: true },
      { id: "b1", lane: { key: "b" } },
      { id: "a2", lane: { key: "a" } },
      { id: "assign", lane: "alone" },
      { id: "c1", lane: { key: "c" } },
    ]);
    await h.release("a1");
    await h.release("b1");
    const settled = await h.done;
    expect(settled.map((s) => s.status)).toEqual(["failed", "done", "skipped", "skipped", "skipped"]);
    expect(h.log).not.toContain("start a2");
    expect(h.log).not.toContain("start assign");
  });
});
