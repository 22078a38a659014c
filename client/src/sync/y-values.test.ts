import { ConversationSchema } from "@inbox/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { conversation } from "../test/fixtures.ts";
import { ParsedValueCache, readKey, toPlain } from "./y-values.ts";

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
