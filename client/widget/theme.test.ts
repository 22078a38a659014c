import { describe, expect, it } from "vitest";
import { textColorOn } from "./theme.ts";

describe("text colour on the accent", () => {
  it("keeps text readable on dark and light brand colours", () => {
    expect(textColorOn("#4f46e5")).toBe("#ffffff");
    expect(textColorOn("#000")).toBe("#ffffff");
    expect(textColorOn("#facc15")).toBe("#000000"); // yellow
    expect(textColorOn("#FFFFFF")).toBe("#000000");
  });
  it("falls back to white for colours it can't analyse", () => {
    expect(textColorOn("rebeccapurple")).toBe("#ffffff");
    expect(textColorOn("rgb(0 0 0)")).toBe("#ffffff");
  });
});
