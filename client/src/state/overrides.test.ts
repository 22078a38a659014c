import { describe, expect, it } from "vitest";
import { conversation } from "../test/fixtures.ts";
import { applyOverrides, resolveOverride } from "./overrides.ts";

describe("command results over live rows", () => {
  const live = conversation({ id: "a", status: "open" });
  const answered = conversation({ id: "a", status: "resolved" });

  it("shows the command's answer while the room still has the old value", () => {
    expect(resolveOverride(live, { conversation: answered, baseline: live })).toBe(answered);
  });

  it("lets the room win once it delivers anything newer", () => {
    const fromRoom = conversation({ id: "a", status: "resolved", unreadCount: 0 });
    expect(resolveOverride(fromRoom, { conversation: answered, baseline: live })).toBe(fromRoom);
  });

  it("applies to a list by id and leaves other rows alone", () => {
    const other = conversation({ id: "b" });
    const out = applyOverrides([live, other], new Map([["a", { conversation: answered, baseline: live }]]));
    expect(out[0]).toBe(answered);
    expect(out[1]).toBe(other);
  });
});
