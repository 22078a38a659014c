import { expect, it } from "vitest";
import { SeqSet } from "./seq-set.ts";

it("an agent counts each message once, however often its row is written again", () => {
  const seen = new SeqSet();
  expect(seen.add(3)).toBe(true);
  expect(seen.add(3)).toBe(false);
  expect(seen.add(100_000)).toBe(true); // grows past its first kilobyte
  expect(seen.add(3)).toBe(false);
  expect(seen.add(100_000)).toBe(false);
  expect(seen.add(99_999)).toBe(true);
});
