import { describe, expect, it } from "vitest";
import { csatSummary } from "./csat.ts";

describe("csatSummary", () => {
  it("counts 4 and 5 as satisfied, averages the ratings and divides by the questions asked", () => {
    const s = csatSummary({ asked: 8, rated: 4, ratings: [1, 0, 1, 1, 1], average: 3.25 });
    expect(s.satisfaction).toBe(0.5);
    expect(s.average).toBe(3.25);
    expect(s.responseRate).toBe(0.5);
    expect(s.shares).toEqual([0.25, 0, 0.25, 0.25, 0.25]);
  });

  it("says nothing it cannot divide: no ratings, no questions", () => {
    expect(csatSummary({ asked: 3, rated: 0, ratings: [0, 0, 0, 0, 0], average: null })).toEqual({ satisfaction: null, average: null, responseRate: 0, shares: [0, 0, 0, 0, 0] });
    expect(csatSummary({ asked: 0, rated: 1, ratings: [0, 0, 0, 0, 1], average: 5 }).responseRate).toBeNull();
  });
});
