import { ConversationSchema } from "@inbox/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { conversation } from "../test/fixtures.ts";
import { changedKeys, ParsedValueCache, readKey, toPlain } from "./y-values.ts";

afterEach(() => vi.restoreAllMocks());

function mapWith(entries: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>("conversations");
  doc.transact(() => {
    for (const [k, v] of Object.entries(entries)) map.set(k, v);
  });
  return map;
}

describe("ParsedValueCache", () => {
  it("reads plain JSON values and skips ones off the contract", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const map = mapWith({ c1: conversation({ id: "c1" }), bad: { id: "bad" } });
    const values = new ParsedValueCache(ConversationSchema, "conversation").read(map);
    expect(values.map((c) => c.id)).toEqual(["c1"]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("keeps object identity for unchanged values and drops deleted keys", () => {
    const map = mapWith({ c1: conversation({ id: "c1" }), c2: conversation({ id: "c2" }) });
    const cache = new ParsedValueCache(ConversationSchema, "conversation");
    const first = cache.read(map);
    map.set("c2", conversation({ id: "c2", unreadCount: 3 }));
    const second = cache.read(map);
    expect(second.find((c) => c.id === "c1")).toBe(first.find((c) => c.id === "c1"));
    expect(second.find((c) => c.id === "c2")?.unreadCount).toBe(3);
    map.delete("c1");
    expect(cache.read(map).map((c) => c.id)).toEqual(["c2"]);
  });

  it("accepts JSON strings and nested Y.Maps", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>("conversations");
    map.set("a", JSON.stringify(conversation({ id: "a" })));
    const nested = new Y.Map<unknown>();
    map.set("b", nested);
    for (const [k, v] of Object.entries(conversation({ id: "b" }))) nested.set(k, v);
    const ids = new ParsedValueCache(ConversationSchema, "conversation").read(map).map((c) => c.id);
    expect(ids.sort()).toEqual(["a", "b"]);
  });
});

describe("ParsedValueCache.readChanged with changedKeys", () => {
  /** Follows a map as createYMapValues does: a whole read, then only the keys each change touched. */
  function follow(map: Y.Map<unknown>) {
    const cache = new ParsedValueCache(ConversationSchema, "conversation");
    const state = { values: cache.read(map), keys: new Set<string>(), change: cache.lastChange };
    map.observeDeep((events) => {
      state.keys = changedKeys(map, events);
      state.values = cache.readChanged(map, state.keys);
      state.change = cache.lastChange;
    });
    return state;
  }

  it("parses only the changed keys and keeps the others' objects and order", () => {
    const map = mapWith({ c1: conversation({ id: "c1" }), c2: conversation({ id: "c2" }), c3: conversation({ id: "c3" }) });
    const seen = follow(map);
    const before = seen.values;
    const parse = vi.spyOn(ConversationSchema, "safeParse");
    map.set("c2", conversation({ id: "c2", unreadCount: 3 }));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(seen.keys).toEqual(new Set(["c2"]));
    expect(seen.values.map((c) => c.id)).toEqual(["c1", "c2", "c3"]);
    expect(seen.values[0]).toBe(before[0]);
    expect(seen.values[1]?.unreadCount).toBe(3);
    // What is new is told apart without a pass over the rest: the changed chat's new object only,
    // in the answer after the whole read.
    expect(seen.change.seq).toBe(2);
    expect(seen.change.changed).toEqual([seen.values[1]]);
    expect(seen.change.changed?.[0]).toBe(seen.values[1]);
  });

  it("adds new keys, drops deleted ones, and reads a nested type changed in place", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {}); // the nested map is empty at first
    const map = mapWith({ c1: conversation({ id: "c1" }) });
    const nested = new Y.Map<unknown>();
    map.set("n", nested);
    const seen = follow(map);
    map.doc!.transact(() => {
      for (const [k, v] of Object.entries(conversation({ id: "n" }))) nested.set(k, v);
    });
    expect(seen.keys).toEqual(new Set(["n"]));
    expect(seen.values.map((c) => c.id)).toEqual(["c1", "n"]);
    map.doc!.transact(() => {
      map.delete("c1");
      map.set("c4", conversation({ id: "c4" }));
    });
    expect(seen.values.map((c) => c.id)).toEqual(["n", "c4"]);
    // The deleted key is gone from the list, not among what changed.
    expect(seen.change.changed?.map((c) => c.id)).toEqual(["c4"]);
    // The same as reading the whole map.
    expect(seen.values).toEqual(new ParsedValueCache(ConversationSchema, "conversation").read(map));
  });
});

describe("readKey and toPlain", () => {
  it("returns null for a missing or invalid key", () => {
    const map = mapWith({ conversation: conversation(), junk: 5 });
    expect(readKey(map, "conversation", ConversationSchema)?.id).toBe("c1");
    expect(readKey(map, "missing", ConversationSchema)).toBeNull();
    expect(readKey(map, "junk", ConversationSchema)).toBeNull();
  });

  it("leaves non-JSON strings alone", () => {
    expect(toPlain("not json")).toBe("not json");
    expect(toPlain({ a: 1 })).toEqual({ a: 1 });
  });
});
