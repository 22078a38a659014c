import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersFromSearch, questionOf, queryString, searchOf, type ReportFilters } from "./query.ts";

describe("the report's filters in the page's query string", () => {
  it("write only what differs from the default, and read back the same", () => {
    expect(searchOf(DEFAULT_FILTERS)).toBe("");
    const f: ReportFilters = { ...DEFAULT_FILTERS, preset: "custom", fromDate: "2026-03-23", toDate: "2026-03-29", timeZone: "Europe/Lisbon", granularity: "day", inbox: "inb_1", channel: "webchat", label: "vip client", priority: "urgent" };
    const search = searchOf(f);
    expect(search).toBe("from=2026-03-23&to=2026-03-29&timeZone=Europe%2FLisbon&granularity=day&inbox=inb_1&channel=webchat&label=vip+client&priority=urgent");
    expect(filtersFromSearch(`?${search}`)).toEqual(f);
    expect(filtersFromSearch("?preset=last7&team=t1")).toEqual({ ...DEFAULT_FILTERS, preset: "last7", team: "t1" });
  });

  it("fall back to the default for what is malformed", () => {
    expect(filtersFromSearch("?preset=forever&timeZone=Nowhere%2FLand&granularity=year&priority=whenever&from=2026-03-29&to=2026-03-01&inbox=%3Cscript%3E")).toEqual(DEFAULT_FILTERS);
  });
});

describe("the question the API is asked", () => {
  it("turns a custom period into the instants of its zone, the workspace's when none is chosen", () => {
    const f: ReportFilters = { ...DEFAULT_FILTERS, preset: "custom", fromDate: "2026-12-01", toDate: "2026-12-01", inbox: "inb_1" };
    expect(questionOf(f, null)).toBeNull();
    const q = questionOf(f, "America/Sao_Paulo")!;
    expect(q.period).toEqual({ from: Date.UTC(2026, 11, 1, 3), to: Date.UTC(2026, 11, 2, 3) });
    expect(queryString(q, { table: "inboxes" })).toBe(`from=${Date.UTC(2026, 11, 1, 3)}&to=${Date.UTC(2026, 11, 2, 3)}&granularity=hour&clock=calendar&inbox=inb_1&table=inboxes`);
    expect(questionOf({ ...f, timeZone: "UTC" }, "America/Sao_Paulo")!.period).toEqual({ from: Date.UTC(2026, 11, 1), to: Date.UTC(2026, 11, 2) });
    expect(queryString(questionOf({ ...DEFAULT_FILTERS, preset: "last7", timeZone: "UTC", priority: "high" }, null)!)).toBe("preset=last7&granularity=hour&clock=calendar&timeZone=UTC&priority=high");
  });
});
