import { RangeSet, type ObservabilitySet } from "dexie";
import { describe, expect, it } from "vitest";
import type { ConversationRow } from "../local/rows.ts";
import { applyChanged, changedKeys, changedPlaces } from "./list-cache.ts";

// Dexie describes each committed write as ranges of keys per table and index; the list cache
// reads back just the rows named, or everything when a write covers a range.

const part = "idb://inbox-u1/conversations/";

describe("changedKeys", () => {
  it("names the conversations a put or delete touched", () => {
    const parts: ObservabilitySet = { [part]: new RangeSet().addKeys(["c3", "c1", "c2"]), "idb://inbox-u1/conversations/:dels": new RangeSet().addKeys(["c1"]) };
    expect((changedKeys(parts, "inbox-u1", "conversations") as string[]).sort()).toEqual(["c1", "c2", "c3"]);
  });

  it("reads everything after a range write (a clear, or a bulk write Dexie did not itemise)", () => {
    expect(changedKeys({ [part]: new RangeSet(-Infinity, [[[]]]) }, "inbox-u1", "conversations")).toBe("all");
    expect(changedKeys({ [part]: new RangeSet().addKeys(["a"]).add({ from: "m", to: "p" }) }, "inbox-u1", "conversations")).toBe("all");
  });

  it("ignores other tables, other users' databases and empty sets", () => {
    expect(changedKeys({ "idb://inbox-u1/messages/": new RangeSet().addKeys(["m1"]) }, "inbox-u1", "conversations")).toBe("none");
    expect(changedKeys({ "idb://inbox-u2/conversations/": new RangeSet().addKeys(["c1"]) }, "inbox-u1", "conversations")).toBe("none");
    expect(changedKeys({ [part]: new RangeSet() }, "inbox-u1", "conversations")).toBe("none");
  });

  it("reads a description that came from another tab (a plain object, no prototype)", () => {
    const cloned = structuredClone({ [part]: { ...new RangeSet().addKeys(["x", "y", "z"]) } }) as ObservabilitySet;
    expect((changedKeys(cloned, "inbox-u1", "conversations") as string[]).sort()).toEqual(["x", "y", "z"]);
  });
});

describe("applyChanged", () => {
  it("replaces changed rows in place, adds new ones and drops deleted ones", () => {
    const row = (id: string, unreadCount = 0) => ({ id, unreadCount }) as ConversationRow;
    const a = row("a");
    const byId = new Map([["a", a], ["b", row("b")]]);
    applyChanged(byId, ["b", "c", "a"], [undefined, row("c"), row("a", 2)]);
    expect([...byId.keys()]).toEqual(["a", "c"]);
    expect(byId.get("a")).toEqual({ id: "a", unreadCount: 2 });
  });
});

describe("changedPlaces", () => {
  const a = { id: "a" };
  const b = { id: "b" };
  const c = { id: "c" };

  it("finds the conversations whose copy changed where they stand", () => {
    const b2 = { id: "b" };
    expect(changedPlaces([a, b, c], [a, b2, c])).toEqual([1]);
    expect(changedPlaces([a, b, c], [a, b, c])).toEqual([]);
  });

  it("gives up when conversations came, went or moved", () => {
    expect(changedPlaces([a, b], [a, b, c])).toBeNull();
    expect(changedPlaces([a, b, c], [a, c, b])).toBeNull();
  });

  it("finds every change, however many (a replayed batch settles hundreds)", () => {
    expect(changedPlaces([a, b, c], [{ id: "a" }, { id: "b" }, { id: "c" }])).toEqual([0, 1, 2]);
  });
});
