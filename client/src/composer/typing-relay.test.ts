import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTypingRelay } from "./typing-relay.ts";

describe("telling a web chat visitor the agent is typing", () => {
  let posts: [string, boolean][];
  beforeEach(() => {
    vi.useFakeTimers();
    posts = [];
  });
  afterEach(() => vi.useRealTimers());
  const relay = () => createTypingRelay(async (id, typing) => void posts.push([id, typing]), () => Date.now());

  it("says so at most every three seconds while keys are pressed, and that they stopped after a pause", async () => {
    const r = relay();
    r.keystroke("c1");
    await vi.advanceTimersByTimeAsync(1000);
    r.keystroke("c1");
    await vi.advanceTimersByTimeAsync(1000);
    r.keystroke("c1");
    expect(posts).toEqual([["c1", true]]);
    await vi.advanceTimersByTimeAsync(1500);
    r.keystroke("c1");
    expect(posts).toEqual([["c1", true], ["c1", true]]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(posts).toEqual([["c1", true], ["c1", true], ["c1", false]]);
  });

  it("stops the old chat when the agent types in another, and on stop(); a failed call is forgotten", async () => {
    const r = relay();
    r.keystroke("c1");
    r.keystroke("c2");
    expect(posts).toEqual([["c1", true], ["c1", false], ["c2", true]]);
    r.stop();
    expect(posts.at(-1)).toEqual(["c2", false]);
    const failing = createTypingRelay(() => Promise.reject(new Error("offline")));
    expect(() => failing.keystroke("c3")).not.toThrow();
    await vi.advanceTimersByTimeAsync(5000);
  });
});
