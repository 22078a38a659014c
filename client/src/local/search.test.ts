import { describe, expect, it } from "vitest";
import { intersectHits, planSearch, type WordHits } from "./search.ts";

const hits = (entries: [string, { createdAt: number; text: string } | null][]): WordHits => ({ conversations: new Map(entries) });

describe("intersectHits", () => {
  it("keeps conversations where every word matched, with the newest matching message as snippet", () => {
    const parcel = hits([
      ["c1", { createdAt: 5, text: "my parcel is late" }],
      ["c2", { createdAt: 9, text: "parcel damaged" }],
    ]);
    const damaged = hits([
      ["c2", { createdAt: 9, text: "parcel damaged" }],
      ["c3", { createdAt: 1, text: "damaged box" }],
    ]);
    expect([...intersectHits([parcel, damaged])]).toEqual([["c2", "parcel damaged"]]);
  });

  it("matches a contact's name in one word and a message in another", () => {
    const maria = hits([["c1", null]]);
    const refund = hits([["c1", { createdAt: 3, text: "I want a refund" }]]);
    expect([...intersectHits([maria, refund])]).toEqual([["c1", "I want a refund"]]);
  });

  it("finds nothing without words", () => {
    expect(intersectHits([]).size).toBe(0);
  });
});

describe("planSearch", () => {
  it("does not intersect a word whose hits were cut short: its candidates get checked instead", () => {
    // "contact" matched too many rows to read them all; "9999" matched one conversation.
    const contact: WordHits = { conversations: new Map([["c1", null], ["c2", null]]), truncated: true };
    const number: WordHits = { conversations: new Map([["c9999", null]]) };
    const plan = planSearch([contact, number]);
    expect([...plan.candidates.keys()]).toEqual(["c9999"]);
    expect(plan.check).toEqual([0]);
  });

  it("leads with the smallest word when every word was cut short", () => {
    const big: WordHits = { conversations: new Map([["a", null], ["b", null], ["c", null]]), truncated: true };
    const small: WordHits = { conversations: new Map([["b", null]]), truncated: true };
    const plan = planSearch([big, small]);
    expect([...plan.candidates.keys()]).toEqual(["b"]);
    expect(plan.check).toEqual([0]);
  });

  it("simply intersects when every word was read in full", () => {
    const a: WordHits = { conversations: new Map([["x", null], ["y", null]]) };
    const b: WordHits = { conversations: new Map([["y", null]]) };
    expect(planSearch([a, b])).toEqual({ candidates: new Map([["y", null]]), check: [] });
  });
});
