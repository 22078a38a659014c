import { describe, expect, it } from "vitest";
import { CSAT_CHOICES, csatEnabledOf, csatLanguageOf, csatQuestion, parseCsatAnswer } from "./csat.ts";

const text = (t: string) => ({ kind: "text" as const, text: t });

describe("parseCsatAnswer", () => {
  it("reads a tapped choice by its id, or by its title where the platform sends only that", () => {
    expect(parseCsatAnswer({ kind: "text", text: "whatever", replyTo: { choiceId: "csat:2" } })).toEqual({ rating: 2, comment: null });
    expect(parseCsatAnswer(text("5 😍"), CSAT_CHOICES)).toEqual({ rating: 5, comment: null });
    expect(parseCsatAnswer({ kind: "text", text: "Track", replyTo: { choiceId: "track" } })).toBeNull();
  });

  it("reads a leading digit 1–5 and keeps the rest as the comment", () => {
    expect(parseCsatAnswer(text("4"))).toEqual({ rating: 4, comment: null });
    expect(parseCsatAnswer(text("  4 quick and kind  "))).toEqual({ rating: 4, comment: "quick and kind" });
    expect(parseCsatAnswer(text("3 - slow"))).toEqual({ rating: 3, comment: "slow" });
    expect(parseCsatAnswer(text("5/5 perfect"))).toEqual({ rating: 5, comment: "perfect" });
    expect(parseCsatAnswer(text("1."))).toEqual({ rating: 1, comment: null });
  });

  it("reads one to five stars", () => {
    expect(parseCsatAnswer(text("⭐⭐⭐"))).toEqual({ rating: 3, comment: null });
    expect(parseCsatAnswer(text("⭐️⭐️⭐️⭐️⭐️"))).toEqual({ rating: 5, comment: null });
    expect(parseCsatAnswer(text("⭐⭐⭐⭐⭐⭐"))).toBeNull();
  });

  it("leaves everything else alone", () => {
    for (const t of ["thanks!", "45 minutes late", "4.5", "0", "6", "10", "nope 4", "", "⭐ great"]) expect(parseCsatAnswer(text(t))).toBeNull();
    expect(parseCsatAnswer({ kind: "image", url: "/media/x", mimeType: "image/png" })).toBeNull();
  });
});

describe("csatQuestion", () => {
  it("offers quick replies, else buttons, where five fit; asks in words otherwise", () => {
    expect(csatQuestion("en", { maxButtons: 3, maxButtonTitleLength: 20, maxQuickReplies: 13 })).toMatchObject({ kind: "quick_replies", replies: CSAT_CHOICES });
    expect(csatQuestion("en", { maxButtons: 10, maxButtonTitleLength: 20, maxQuickReplies: 0 })).toMatchObject({ kind: "buttons", buttons: CSAT_CHOICES });
    expect(csatQuestion("en", { maxButtons: 3, maxButtonTitleLength: 20, maxQuickReplies: 3 })).toEqual({
      kind: "text",
      text: "How would you rate our help? Reply with a number from 1 (bad) to 5 (great).",
    });
    expect(csatQuestion("es", { maxButtons: 13, maxButtonTitleLength: 2, maxQuickReplies: 13 }).kind).toBe("text");
    expect(csatQuestion("pt-BR", null)).toMatchObject({ kind: "text", text: expect.stringMatching(/^Como você avalia/) });
  });
});

describe("settings and language", () => {
  it("is off unless turned on", () => {
    expect(csatEnabledOf({})).toBe(false);
    expect(csatEnabledOf({ csatEnabled: "true" })).toBe(false);
    expect(csatEnabledOf({ csatEnabled: true })).toBe(true);
  });

  it("asks in the customer's language, else the inbox's, else English", () => {
    expect(csatLanguageOf("pt")).toBe("pt-BR");
    expect(csatLanguageOf("es", { csatLanguage: "pt-BR" })).toBe("es");
    expect(csatLanguageOf("de", { csatLanguage: "es" })).toBe("es");
    expect(csatLanguageOf(null)).toBe("en");
  });
});
