import type { Article } from "@inbox/shared/api/content";
import { describe, expect, it } from "vitest";
import { articleExcerpt, searchArticlesLocally } from "./content-search.ts";

const a = (slug: string, title: string, body: string): Article => ({ id: slug, slug, title, body, published: true, updatedAt: 0 });
const articles = [
  a("returns", "Returns and exchanges", "You can return any item within **30 days**."),
  a("trocas", "Trocas e devoluções", "Trocas em até 30 dias, com a nota fiscal."),
  a("shipping", "Shipping times", "Orders ship in 2 days. Returns are free."),
];

describe("searching the knowledge base on the device", () => {
  it("needs every word, ignores case and accents, and puts title matches first", () => {
    expect(searchArticlesLocally(articles, "returns").map((x) => x.slug)).toEqual(["returns", "shipping"]);
    expect(searchArticlesLocally(articles, "DEVOLUCOES").map((x) => x.slug)).toEqual(["trocas"]);
    expect(searchArticlesLocally(articles, "30 nota").map((x) => x.slug)).toEqual(["trocas"]);
  });

  it("lists everything for an empty search", () => {
    expect(searchArticlesLocally(articles, " ")).toHaveLength(3);
  });
});

describe("an article's excerpt", () => {
  it("is plain text without the formatting marks", () => {
    expect(articleExcerpt("# Title\n\nYou have **30 days**.\n\n- one\n- two")).toBe("Title\nYou have 30 days.\n• one\n• two");
  });

  it("is cut at a word with an ellipsis when long", () => {
    const text = articleExcerpt("word ".repeat(100), 50);
    expect(text.endsWith("word…")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(51);
  });
});
