import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ascendingOrder } from "./ascending-order.ts";

// The order percentiles and distinct counts are read in: it must be the native sort's, ties in place order.

/** Each place's record in the tests: two numbers, both telling the place. */
const STRIDE = 2;
const record = (r: number) => [r, -r - 1];

/** The native sort of the places by value, ties by place, and their records: what ascendingOrder must give. */
function nativeOrder(values: Float64Array, rows: Int32Array): { values: number[]; payload: number[] } {
  const places = Array.from(rows.keys()).sort((a, b) => values[rows[a]!]! - values[rows[b]!]! || a - b);
  // -0 reads back as 0 from the radix sort (equal values either way).
  return { values: places.map((r) => values[rows[r]!]! + 0), payload: places.flatMap(record) };
}

/** What ascendingOrder gave for the first n places, as plain arrays (its own are scratch). */
function ordered(values: Float64Array, rows: Int32Array, n: number): { values: number[]; payload: number[] } {
  const o = ascendingOrder(values, rows, n, Int32Array.from(Array.from(rows.keys()).flatMap(record)), STRIDE);
  return { values: Array.from(o.values, (v) => v + 0), payload: Array.from(o.payload) };
}

/** Values around every digit boundary of the radix sort, zero and the largest whole double. */
const edges = [0, 1, 2047, 2048, 2 ** 22 - 1, 2 ** 22, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 43, 2 ** 53 - 2, Number.MAX_SAFE_INTEGER];
const whole = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100_000_000 }), fc.maxSafeNat(), fc.constantFrom(...edges));

/** A table of values and the rows of it a scan kept (any of them, in any order, some twice). */
const scanOf = (value: fc.Arbitrary<number>) =>
  fc.array(value, { minLength: 1, maxLength: 300 }).chain((values) => fc.tuple(fc.constant(values), fc.array(fc.nat({ max: values.length - 1 }), { maxLength: 400 })));

describe("ascendingOrder", () => {
  it("orders whole numbers as the native sort does, ties in place order, records moved along", () => {
    fc.assert(
      fc.property(scanOf(whole), ([values, kept]) => {
        const v = Float64Array.from(values);
        const rows = Int32Array.from(kept);
        expect(ordered(v, rows, rows.length)).toEqual(nativeOrder(v, rows));
      }),
      { numRuns: 300 },
    );
  });

  it("orders fractions and negatives too (by the native sort)", () => {
    const any = fc.oneof(whole, fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(-1, 0.5, -0));
    fc.assert(
      fc.property(scanOf(any), ([values, kept]) => {
        const v = Float64Array.from(values);
        const rows = Int32Array.from(kept);
        expect(ordered(v, rows, rows.length)).toEqual(nativeOrder(v, rows));
      }),
      { numRuns: 200 },
    );
  });

  it("orders only the first n rows, and many of them with few distinct values", () => {
    let seed = 5;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const values = Float64Array.from({ length: 50_000 }, (_, k) => (k % 7 ? Math.floor(next() * 3) * 60_000 : Math.floor(next() * 2 ** 40)));
    const rows = Int32Array.from({ length: 60_000 }, () => Math.floor(next() * values.length));
    const n = 45_000;
    expect(ordered(values, rows, n)).toEqual(nativeOrder(values, rows.subarray(0, n)));
    expect(ordered(values, rows, 0)).toEqual({ values: [], payload: [] });
  });
});
