import { describe, expect, it } from "vitest";
import { clickPick, keepShown, NO_PICKS, pickedInOrder, pickedShare, toggleAll } from "./pick.ts";

const order = ["a", "b", "c", "d", "e"];
const ids = (p: { ids: ReadonlySet<string> }) => [...p.ids].sort();

describe("picking rows for a bulk action", () => {
  it("a click toggles one row and makes it the anchor", () => {
    const one = clickPick(NO_PICKS, "b", order, false);
    expect(ids(one)).toEqual(["b"]);
    expect(one.anchor).toBe("b");
    const none = clickPick(one, "b", order, false);
    expect(ids(none)).toEqual([]);
    expect(none.anchor).toBe("b");
  });

  it("a shift-click picks the range from the anchor, downwards or upwards", () => {
    const down = clickPick(clickPick(NO_PICKS, "b", order, false), "d", order, true);
    expect(ids(down)).toEqual(["b", "c", "d"]);
    expect(down.anchor).toBe("b");
    const up = clickPick(clickPick(NO_PICKS, "d", order, false), "a", order, true);
    expect(ids(up)).toEqual(["a", "b", "c", "d"]);
  });

  it("a range takes the anchor's state: after un-picking a row, shift-click un-picks the range", () => {
    let p = toggleAll(NO_PICKS, order);
    p = clickPick(p, "b", order, false); // b off, anchor b
    p = clickPick(p, "d", order, true);
    expect(ids(p)).toEqual(["a", "e"]);
  });

  it("a shift-click without an anchor (or with one no longer shown) toggles just that row", () => {
    expect(ids(clickPick(NO_PICKS, "c", order, true))).toEqual(["c"]);
    const gone = { ids: new Set(["zz"]), anchor: "zz" };
    expect(ids(clickPick(gone, "c", order, true))).toEqual(["c", "zz"]);
  });

  it("select all picks every shown row, and clears when all already are", () => {
    const all = toggleAll(NO_PICKS, order);
    expect(ids(all)).toEqual(order);
    expect(pickedShare(all, order)).toBe("all");
    expect(ids(toggleAll(all, order))).toEqual([]);
    expect(pickedShare(clickPick(NO_PICKS, "a", order, false), order)).toBe("some");
    expect(pickedShare(NO_PICKS, order)).toBe("none");
    expect(ids(toggleAll(NO_PICKS, []))).toEqual([]);
  });

  it("keeps only rows still shown, and the same object when nothing left", () => {
    const p = clickPick(clickPick(NO_PICKS, "b", order, false), "d", order, true);
    expect(keepShown(p, order)).toBe(p);
    const kept = keepShown(p, ["a", "c", "e"]);
    expect(ids(kept)).toEqual(["c"]);
    expect(kept.anchor).toBeNull();
  });

  it("lists the picked rows in screen order", () => {
    const p = { ids: new Set(["e", "a", "c"]), anchor: null };
    expect(pickedInOrder(p, order)).toEqual(["a", "c", "e"]);
  });
});
