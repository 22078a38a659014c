import { describe, expect, it } from "vitest";
import { KickedPasses } from "./kicked-passes.ts";

/** A pass that waits until the test lets it finish, and answers what the test queued. */
function gatedPasses(answers: boolean[]) {
  const gates: (() => void)[] = [];
  let active = 0;
  let most = 0;
  let count = 0;
  const passes = new KickedPasses(async () => {
    active++;
    most = Math.max(most, active);
    count++;
    await new Promise<void>((r) => gates.push(r));
    active--;
    return answers.shift() ?? false;
  }, "test pass failed");
  const openNext = async () => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 0));
    gates.shift()!();
  };
  return { passes, openNext, stats: () => ({ most, count }) };
}

describe("kicked passes", () => {
  it("never overlap, and kicks during a pass become exactly one more pass", async () => {
    const { passes, openNext, stats } = gatedPasses([false, false]);
    const first = passes.kick();
    const joined = [passes.kick(), passes.kick(), passes.kick()];
    await openNext();
    await openNext();
    await Promise.all([first, ...joined]);
    expect(stats()).toEqual({ most: 1, count: 2 });
  });

  it("a pass that says more is waiting (a full batch) is followed by another at once", async () => {
    const { passes, openNext, stats } = gatedPasses([true, true, false]);
    const done = passes.kick();
    for (let i = 0; i < 3; i++) await openNext();
    await done;
    expect(stats().count).toBe(3);
  });

  it("a failing pass is logged and the passes carry on", async () => {
    let calls = 0;
    const passes = new KickedPasses(async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
    }, "test pass failed");
    await expect(passes.kick()).resolves.toBeUndefined();
    await passes.kick();
    expect(calls).toBe(2);
  });
});
