import { scratch } from "./scratch.ts";

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
const TWO_32 = 2 ** 32;
/** Digits of a whole number below 2^53 as its low and high 32 bits give them: [word (0 low, 1 high), shift]. */
const DIGITS: ReadonlyArray<readonly [0 | 1, number]> = [
  [0, 0],
  [0, 11],
  [0, 22],
  [1, 0],
  [1, 11],
];

/** Values in ascending order, and each one's record of the payload (`stride` numbers) in the same order. */
export interface Ordered {
  values: Float64Array;
  payload: Int32Array;
}

/**
 * The values `values[rows[place]]` of places 0..n-1 in ascending order, equal values in place
 * order (a stable sort), with each place's record of `payload` (`stride` numbers at
 * place·stride) moved along, in scratch arrays valid until the next call.
 *
 * Whole non-negative values (durations in ms, codes) are sorted by an LSD radix sort of 11-bit
 * digits, skipping the digits every value shares (a day in ms needs three passes, a person's code
 * two): linear, where the native sort of half a million packed numbers took 40 ms at a million
 * messages. Each pass moves the records with the values, read in order: the caller then reads
 * them in order too, where looking each up by its place cost a cache miss a row (twice the time
 * of the whole fold that follows). Hand-written because no well-kept npm package sorts records
 * by a typed-array key (the radix sorts there sort the numbers themselves, or only 32-bit ones).
 * Any other value (a fraction, a negative) falls back to the native sort with a comparator.
 */
export function ascendingOrder(values: Float64Array, rows: Int32Array, n: number, payload: Int32Array, stride: number): Ordered {
  let lo = scratch.uint32("order.lo", n);
  let hi = scratch.uint32("order.hi", n);
  let lo2 = scratch.uint32("order.lo2", n);
  let hi2 = scratch.uint32("order.hi2", n);
  let pay = payload.subarray(0, n * stride);
  let pay2 = scratch.int32("order.payload", n * stride);
  const sorted = scratch.float64("order.values", n);
  const counts = scratch.int32("order.counts", DIGITS.length * RADIX).fill(0);
  for (let r = 0; r < n; r++) {
    const v = values[rows[r]!]!;
    if (!(v >= 0 && v <= Number.MAX_SAFE_INTEGER && Number.isInteger(v))) return nativeOrder(values, rows, n, pay, pay2, stride, sorted);
    const l = v % TWO_32;
    const h = (v - l) / TWO_32;
    lo[r] = l;
    hi[r] = h;
    counts[l & MASK]!++;
    counts[RADIX + ((l >>> 11) & MASK)]!++;
    counts[2 * RADIX + (l >>> 22)]!++;
    counts[3 * RADIX + (h & MASK)]!++;
    counts[4 * RADIX + (h >>> 11)]!++;
  }
  // Values below 2^32 (most durations) leave the high words alone.
  const wide = counts[3 * RADIX] !== n || counts[4 * RADIX] !== n;
  for (let d = 0; d < DIGITS.length; d++) {
    const [word, shift] = DIGITS[d]!;
    const base = d * RADIX;
    // A digit all values share moves nothing: its pass is skipped.
    let only = false;
    for (let k = 0; k < RADIX; k++) {
      const c = counts[base + k]!;
      if (c === 0) continue;
      only = c === n;
      break;
    }
    if (only || n === 0) continue;
    // Counts to starts.
    let start = 0;
    for (let k = 0; k < RADIX; k++) {
      const c = counts[base + k]!;
      counts[base + k] = start;
      start += c;
    }
    const key = word === 0 ? lo : hi;
    for (let j = 0; j < n; j++) {
      const at = counts[base + ((key[j]! >>> shift) & MASK)]!++;
      lo2[at] = lo[j]!;
      if (wide) hi2[at] = hi[j]!;
      const from = j * stride;
      const to = at * stride;
      for (let h = 0; h < stride; h++) pay2[to + h] = pay[from + h]!;
    }
    [lo, lo2, hi, hi2, pay, pay2] = [lo2, lo, hi2, hi, pay2, pay];
  }
  for (let j = 0; j < n; j++) sorted[j] = wide ? hi[j]! * TWO_32 + lo[j]! : lo[j]!;
  return { values: sorted, payload: pay };
}

/** The same order by the native sort, for values the radix sort does not take. */
function nativeOrder(values: Float64Array, rows: Int32Array, n: number, pay: Int32Array, out: Int32Array, stride: number, sorted: Float64Array): Ordered {
  const places = Array.from({ length: n }, (_, r) => r).sort((a, b) => values[rows[a]!]! - values[rows[b]!]! || a - b);
  places.forEach((r, j) => {
    sorted[j] = values[rows[r]!]!;
    out.set(pay.subarray(r * stride, (r + 1) * stride), j * stride);
  });
  return { values: sorted, payload: out };
}
