import { describe, expect, it } from "vitest";
import { activeTrigger, mentionText, replaceTrigger } from "./triggers.ts";

/** `|` marks the caret. */
function at(textWithCaret: string, mentions = true) {
  const caret = textWithCaret.indexOf("|");
  return activeTrigger(textWithCaret.replace("|", ""), caret, { mentions });
}

describe("canned response and mention triggers", () => {
  it("a / at the start of a word opens canned responses with what follows", () => {
    expect(at("/gre|")).toEqual({ kind: "canned", query: "gre", start: 0, end: 4 });
    expect(at("Hi! /|")).toEqual({ kind: "canned", query: "", start: 4, end: 5 });
    expect(at("line one\n/thanks|")).toMatchObject({ kind: "canned", query: "thanks", start: 9 });
  });

  it("an @ opens mentions only where mentions are allowed (notes)", () => {
    expect(at("ask @an|")).toEqual({ kind: "mention", query: "an", start: 4, end: 7 });
    expect(at("ask @an|", false)).toBeNull();
  });

  it("is not a trigger inside a word, after a space, or in addresses and paths", () => {
    expect(at("and/or|")).toBeNull();
    expect(at("ana@example.com|")).toBeNull();
    expect(at("/greet |")).toBeNull();
    expect(at("/a/b|")).toBeNull();
    expect(at("plain words|")).toBeNull();
    expect(at("|")).toBeNull();
  });

  it("follows the caret, not the end of the text", () => {
    expect(at("/gr| and more")).toEqual({ kind: "canned", query: "gr", start: 0, end: 3 });
  });

  it("a pick replaces the trigger and its query, leaving the caret after it", () => {
    const t = at("Hi @an| there")!;
    const e = replaceTrigger(t, mentionText("Ana Souza"));
    const text = "Hi @an there";
    expect(text.slice(0, e.index) + e.insert + text.slice(e.index + e.remove)).toBe("Hi @Ana Souza  there");
    expect(e.caret).toBe("Hi @Ana Souza ".length);
  });
});
