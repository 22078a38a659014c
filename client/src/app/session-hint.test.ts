import { describe, expect, it } from "vitest";
import { mayHaveSession } from "./session-hint.ts";

describe("mayHaveSession", () => {
  it("reads the hint among other cookies, and only that name", () => {
    expect(mayHaveSession("theme=dark; inbox_signed_in=1")).toBe(true);
    expect(mayHaveSession("inbox_signed_in=1")).toBe(true);
    expect(mayHaveSession("")).toBe(false);
    expect(mayHaveSession("x_inbox_signed_in=1; inbox_signed_in_old=1")).toBe(false);
  });
});
