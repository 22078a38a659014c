import { describe, expect, it } from "vitest";
import type { Article, CannedResponse } from "@inbox/shared/api/content";
import { suggestContent } from "./suggest.ts";

const canned = (id: string, shortcut: string, title: string, text: string): CannedResponse => ({ id, shortcut, title, text, teamId: null, updatedAt: 1 });
const article = (id: string, title: string, body: string, published = true): Article => ({ id, slug: id, title, body, published, updatedAt: 1 });

const CONTENT = {
  canned: [
    canned("c1", "reset", "Password reset", "Hi {{contact.first_name}}, use 'Forgot password' on the sign-in page."),
    canned("c2", "late", "Late delivery", "Sorry your order is late; here is the tracking link."),
    canned("c3", "thanks", "Thanks", "Thank you for writing to us!"),
  ],
  articles: [
    article("a1", "How to reset your password", "Open the sign-in page and choose Forgot password."),
    article("a2", "Shipping times", "Orders arrive within 3 to 5 working days; the tracking link is in your e-mail."),
    article("a3", "Password rules (draft)", "Reset password draft", false),
  ],
};

describe("suggested replies for the latest customer message", () => {
  it("ranks the canned response and article about the same problem first", () => {
    const s = suggestContent(CONTENT, "I forgot my password, how do I reset it?");
    expect(s.canned[0]?.id).toBe("c1");
    expect(s.articles[0]?.id).toBe("a1");
  });

  it("leaves out an article that shares only a stray word", () => {
    const s = suggestContent(CONTENT, "I can't reset my password, the link never works");
    expect(s.articles.map((a) => a.id)).toEqual(["a1"]);
  });

  it("offers only published articles", () => {
    expect(suggestContent(CONTENT, "password rules reset draft").articles.map((a) => a.id)).not.toContain("a3");
  });

  it("finds an order that is late across word forms and accents", () => {
    expect(suggestContent(CONTENT, "my order is LATE, where is the delivery?").canned[0]?.id).toBe("c2");
  });

  it("suggests nothing without a customer message", () => {
    expect(suggestContent(CONTENT, "  ")).toEqual({ canned: [], articles: [] });
  });
});
