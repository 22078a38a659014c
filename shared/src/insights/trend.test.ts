import { describe, expect, it } from "vitest";
import { sentimentTrend } from "./trend.ts";

describe("sentimentTrend", () => {
  it("is null with fewer than three messages", () => {
    expect(sentimentTrend([])).toBeNull();
    expect(sentimentTrend([-0.5, 0.5])).toBeNull();
  });
  it("sees a conversation improving or worsening", () => {
    expect(sentimentTrend([-0.8, -0.6, -0.5, 0.4, 0.6])).toBe("improving");
    expect(sentimentTrend([0.5, 0.3, 0, -0.7])).toBe("worsening");
  });
  it("is steady within the dead band", () => {
    expect(sentimentTrend([0.1, -0.1, 0.05, 0.1])).toBe("steady");
    expect(sentimentTrend([-0.5, -0.5, -0.5])).toBe("steady");
  });
});
