import { describe, expect, it } from "vitest";
import { applyWrites, emptyTotals, tabCounts } from "./tab-counts.ts";

const row = (a: string, u: 0 | 1 = a ? 0 : 1) => ({ a, u });

describe("tab totals", () => {
  it("counts new rows", () => {
    const t = applyWrites(emptyTotals(), [undefined, undefined, undefined], [row("ana"), row(""), row("bruno")]);
    expect(tabCounts(t, "ana")).toEqual({ mine: 1, unassigned: 1, all: 3 });
    expect(tabCounts(t, "bruno")).toEqual({ mine: 1, unassigned: 1, all: 3 });
  });

  it("moves a row between tabs when it is assigned, resolved or handed over", () => {
    let t = applyWrites(emptyTotals(), [undefined, undefined], [row(""), row("ana")]);
    t = applyWrites(t, [row("")], [row("ana")]);
    expect(tabCounts(t, "ana")).toEqual({ mine: 2, unassigned: 0, all: 2 });
    t = applyWrites(t, [row("ana")], [row("bruno")]);
    expect(tabCounts(t, "ana")).toEqual({ mine: 1, unassigned: 0, all: 2 });
    // Resolved without an assignee: not in Unassigned any more, still in All.
    t = applyWrites(t, [row("ana")], [row("", 0)]);
    expect(tabCounts(t, "ana")).toEqual({ mine: 0, unassigned: 0, all: 2 });
    expect(t.byAssignee).toEqual({ bruno: 1 });
  });

  it("returns the same totals when no counted field changed", () => {
    const t = applyWrites(emptyTotals(), [undefined], [row("ana")]);
    expect(applyWrites(t, [row("ana")], [row("ana")])).toBe(t);
  });
});
