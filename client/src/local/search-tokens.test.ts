import { describe, expect, it } from "vitest";
import { contactWords, contentText, matchesQuery, queryTokens, tokenize } from "./search-tokens.ts";

describe("tokenize", () => {
  it("lowercases, drops accents and punctuation, and keeps each word once", () => {
    expect(tokenize("Olá! A encomenda CHEGOU danificada, danificada.")).toEqual(["ola", "encomenda", "chegou", "danificada"]);
  });

  it("drops single letters but keeps numbers", () => {
    expect(tokenize("a 5 bb order #1234")).toEqual(["5", "bb", "order", "1234"]);
  });

  it("keeps at most the given number of words", () => {
    expect(tokenize("one two three four", 2)).toEqual(["one", "two"]);
  });
});

describe("what is searchable", () => {
  it("reads the text of every message kind that has words", () => {
    expect(contentText({ kind: "image", url: "x", mimeType: "image/png", caption: "Broken box" })).toBe("Broken box");
    expect(contentText({ kind: "file", url: "x", mimeType: "application/pdf", filename: "invoice-778.pdf" })).toBe("invoice-778.pdf");
    expect(contentText({ kind: "buttons", text: "Pick one", buttons: [{ id: "1", title: "Refund" }] })).toBe("Pick one Refund");
    expect(contentText({ kind: "audio", url: "x", mimeType: "audio/ogg" })).toBe("");
  });

  it("finds a contact by name, email or phone typed without spaces", () => {
    const words = contactWords({ name: "Maria Oliveira", email: "maria@example.com", phone: "+55 11 98765-4321" });
    expect(words).toEqual(expect.arrayContaining(["maria", "oliveira", "example", "5511987654321"]));
  });
});

describe("queries", () => {
  it("match when every word is the start of a word in the text", () => {
    const tokens = queryTokens("parc DAMAG");
    expect(tokens).toEqual(["parc", "damag"]);
    expect(matchesQuery("My parcel arrived damaged", tokens)).toBe(true);
    expect(matchesQuery("My parcel arrived", tokens)).toBe(false);
  });

  it("is empty for a blank query", () => {
    expect(queryTokens("  , ")).toEqual([]);
  });
});
