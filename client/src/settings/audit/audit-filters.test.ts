import { describe, expect, it } from "vitest";
import { filterParams, NO_FILTERS } from "./audit-filters.ts";

describe("the viewer's filters", () => {
  it("turn whole days in the browser's zone into the API's period, and say when it is backwards", () => {
    const result = filterParams({ ...NO_FILTERS, action: "sla.*", q: "  policy ", fromDay: "2026-03-01", toDay: "2026-03-01" });
    if (!("params" in result)) throw new Error(result.error);
    expect(result.params.get("action")).toBe("sla.*");
    expect(result.params.get("q")).toBe("policy");
    expect(Number(result.params.get("from"))).toBe(new Date(2026, 2, 1).getTime());
    expect(Number(result.params.get("to"))).toBe(new Date(2026, 2, 2).getTime());
    expect(filterParams({ ...NO_FILTERS, fromDay: "2026-03-02", toDay: "2026-03-01" })).toEqual({ error: "The period ends before it starts: choose a To date on or after the From date." });
    expect(String((filterParams(NO_FILTERS) as { params: URLSearchParams }).params)).toBe("");
  });
});
