import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { diffText, mapPosition, type Delta } from "./text-binding.ts";

function applyChange(text: Y.Text, prev: string, next: string) {
  const d = diffText(prev, next);
  if (!d) return;
  if (d.remove) text.delete(d.index, d.remove);
  if (d.insert) text.insert(d.index, d.insert);
}

describe("diffText", () => {
  it("finds typed, deleted and replaced text", () => {
    expect(diffText("Hello", "Hello!")).toEqual({ index: 5, remove: 0, insert: "!" });
    expect(diffText("Hello world", "Hello")).toEqual({ index: 5, remove: 6, insert: "" });
    expect(diffText("a cat sat", "a dog sat")).toEqual({ index: 2, remove: 3, insert: "dog" });
    expect(diffText("same", "same")).toBeNull();
  });

  it("keeps two agents' edits to the shared draft when merged", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("draft").insert(0, "Hello Maria");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    applyChange(a.getText("draft"), "Hello Maria", "Hello Maria, thanks");
    applyChange(b.getText("draft"), "Hello Maria", "Hi Maria");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("draft").toString()).toBe("Hi Maria, thanks");
    expect(b.getText("draft").toString()).toBe("Hi Maria, thanks");
  });
});

describe("mapPosition", () => {
  it("moves the caret with text inserted or deleted before it, not after it", () => {
    const before: Delta = [{ insert: "abc" }];
    expect(mapPosition(before, 5)).toBe(8);
    const after: Delta = [{ retain: 10 }, { insert: "abc" }];
    expect(mapPosition(after, 5)).toBe(5);
    const deletedBefore: Delta = [{ retain: 1 }, { delete: 2 }];
    expect(mapPosition(deletedBefore, 5)).toBe(3);
    const deletedAround: Delta = [{ retain: 3 }, { delete: 5 }];
    expect(mapPosition(deletedAround, 5)).toBe(3);
  });
});
