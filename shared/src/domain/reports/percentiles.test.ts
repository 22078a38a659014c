import { describe, expect, it } from "vitest";
import { nearestRank, timeStat } from "./percentiles.ts";
import { Chat, day, MIN, reportOf } from "./test-support.ts";

describe("percentiles (nearest rank)", () => {
  const tenMinutes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it("answers with a real sample: median of ten is the 5th, p90 the 9th", () => {
    expect(timeStat(tenMinutes)).toMatchObject({ count: 10, median: 5, p90: 9, average: 5.5 });
  });

  it("takes the lower middle for an even count, the middle for an odd one", () => {
    expect(nearestRank([10, 20], 50)).toBe(10);
    expect(nearestRank([10, 20, 30], 50)).toBe(20);
  });

  it("is one value's own percentile, and nothing for no values", () => {
    expect(timeStat([42])).toEqual({ count: 1, median: 42, p90: 42, average: 42, bands: [1, 0, 0, 0, 0, 0, 0, 0] });
    expect(timeStat([])).toEqual({ count: 0, median: null, p90: null, average: null, bands: [0, 0, 0, 0, 0, 0, 0, 0] });
  });

  it("ranks exactly where floating point would not (90% of 30 is the 27th)", () => {
    const thirty = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(nearestRank(thirty, 90)).toBe(27);
  });

  it("sorts what it is given and refuses a percentile that is not a whole percent", () => {
    expect(timeStat([9, 1, 5]).median).toBe(5);
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
    expect(() => nearestRank([1], 99.5)).toThrow(RangeError);
  });

  it("a single slow answer moves the average and the p90, not the median", () => {
    const mon = day("2026-03-02");
    const chats = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => new Chat(`c${n}`).opens(mon("09:00")).reply("ana", mon("09:00") + n * MIN));
    const slow = new Chat("slow").opens(mon("09:00")).reply("ana", mon("12:20")); // 200 minutes
    const times = reportOf([...chats, slow], { from: mon("00:00"), to: mon("23:59") }).totals.times.firstResponse;
    expect(times.median).toBe(5 * MIN);
    expect(times.p90).toBe(9 * MIN);
    expect(times.average).toBe(((45 + 200) / 10) * MIN);
  });
});
