import { describe, expect, it } from "vitest";
import { DURATION_BAND_COUNT, durationBand, durationBandRange, durationBands } from "./duration-bands.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("duration bands", () => {
  it("puts a duration on a band's lower edge in that band, not the one below", () => {
    expect(durationBand(0)).toBe(0);
    expect(durationBand(MIN - 1)).toBe(0);
    expect(durationBand(MIN)).toBe(1);
    expect(durationBand(5 * MIN)).toBe(2);
    expect(durationBand(HOUR - 1)).toBe(3);
    expect(durationBand(DAY)).toBe(6);
    expect(durationBand(3 * DAY)).toBe(7);
    expect(durationBand(90 * DAY)).toBe(7);
  });

  it("gives each band the range a drill-down lists, the last one open", () => {
    expect(durationBandRange(0)).toEqual({ from: 0, to: MIN });
    expect(durationBandRange(3)).toEqual({ from: 15 * MIN, to: HOUR });
    expect(durationBandRange(DURATION_BAND_COUNT - 1)).toEqual({ from: 3 * DAY, to: null });
    expect(() => durationBandRange(DURATION_BAND_COUNT)).toThrow(RangeError);
  });

  it("counts every value once, so the bars add up to the samples", () => {
    const values = [1_000, 59_999, 60_000, 4 * MIN, 20 * MIN, 2 * HOUR, 5 * HOUR, 2 * DAY, 10 * DAY];
    const bands = durationBands(values);
    expect(bands).toEqual([2, 2, 0, 1, 1, 1, 1, 1]);
    expect(bands.reduce((a, b) => a + b, 0)).toBe(values.length);
  });
});
