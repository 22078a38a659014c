import { describe, expect, it } from "vitest";
import { WidgetAppearanceSchema, accentContrast, contrastRatio, greetingFor, textColorOn, widgetAppearanceOf } from "./widget-appearance.ts";

describe("the widget's colours", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#2563eb", "#ffffff")).toBeCloseTo(5.17, 1);
    // A colour a page's tag writes short (#fc0) is the same colour written long.
    expect(contrastRatio("#fc0", "#000")).toBeCloseTo(contrastRatio("#ffcc00", "#000000"), 10);
  });
  it("writes white on dark colours and dark text on light ones, readable either way", () => {
    expect(textColorOn("#2563eb")).toBe("#ffffff");
    expect(textColorOn("#facc15")).toBe("#000000");
    expect(textColorOn("#ffffff")).toBe("#000000");
    for (const colour of ["#777777", "#00ff00", "#ff0000", "#0000ff", "#808000", "#ff8800"]) expect(accentContrast(colour)).toBeGreaterThanOrEqual(4.5);
  });
  it("accepts only #rrggbb colours, in lower case", () => {
    const base = { greeting: "", greetings: {}, position: "bottom-right", avatar: null, teamName: "", leaveMessage: false };
    expect(WidgetAppearanceSchema.parse({ ...base, color: "#ABCDEF" }).color).toBe("#abcdef");
    for (const color of ["red", "#abc", "#abcdefg", "#12345g", "url(x)"]) expect(WidgetAppearanceSchema.safeParse({ ...base, color }).success).toBe(false);
  });
});

describe("greetings and stored settings", () => {
  it("greets in the visitor's language where the admin wrote one, else with the one text", () => {
    const look = { greeting: "Hi!", greetings: { es: "¡Hola!", "pt-BR": "  " } };
    expect(greetingFor(look, "es")).toBe("¡Hola!");
    expect(greetingFor(look, "pt-BR")).toBe("Hi!");
    expect(greetingFor(look, "en")).toBe("Hi!");
  });
  it("reads older inboxes (a bare colour and greeting) and unreadable settings as defaults", () => {
    expect(widgetAppearanceOf({ color: "#16a34a", greeting: "Questions?" })).toMatchObject({ color: "#16a34a", greeting: "Questions?", position: "bottom-right", leaveMessage: false });
    expect(widgetAppearanceOf({ widgetAppearance: "{not json" }).color).toBe("#2563eb");
  });
});
