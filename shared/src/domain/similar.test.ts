import { describe, expect, it } from "vitest";
import { canSeeConversation } from "./permissions.ts";
import { buildSimilarIndex, documentText, excerpt, queryFromMessages, rankSimilar, searchTerm } from "./similar.ts";

const customer = (text: string) => ({ senderKind: "customer", text });
const agent = (text: string) => ({ senderKind: "agent", text });

const HISTORY = [
  { id: "c-password", teamId: "support", assigneeId: "ana", text: documentText([customer("How do I reset my password?"), agent("Use Forgot password."), customer("Worked, thanks.")]) },
  { id: "c-delivery", teamId: "support", assigneeId: "ana", text: documentText([customer("My order #1043 hasn't arrived yet, the delivery is late")]) },
  { id: "c-refund", teamId: "billing", assigneeId: null, text: documentText([customer("I was charged twice, I want a refund for the second payment")]) },
  { id: "c-refund-2", teamId: "support", assigneeId: "bruno", text: documentText([customer("Refund please: double charge on my card")]) },
  { id: "c-pt", teamId: "support", assigneeId: null, text: documentText([customer("Não consigo redefinir minha senha")]) },
];

const index = buildSimilarIndex(HISTORY);
const teamOf = new Map(HISTORY.map((h) => [h.id, h]));

describe("the question: the latest customer messages", () => {
  it("takes only the customer's last messages, oldest of them first, and leaves agents' words out", () => {
    const q = queryFromMessages([customer("first"), customer("second"), agent("Hello, how can I help?"), customer("third"), customer("fourth")]);
    expect(q).toBe("second\nthird\nfourth");
  });

  it("is bounded, so a pasted log does not become thousands of terms", () => {
    expect(queryFromMessages([customer("word ".repeat(1_000))]).length).toBeLessThanOrEqual(1_000);
  });

  it("folds accents and case and drops filler words", () => {
    expect(searchTerm("Não")).toBeNull();
    expect(searchTerm("Senha")).toBe("senha");
    expect(searchTerm("Cobrança")).toBe("cobranca");
    expect(searchTerm("the")).toBeNull();
  });
});

describe("ranking resolved conversations", () => {
  it("a question built from the latest messages finds the conversation about the same problem first", () => {
    const q = queryFromMessages([customer("Hi there"), customer("I forgot my password and can't reset it")]);
    expect(rankSimilar(index, q, { exclude: "open", limit: 3 })[0]?.id).toBe("c-password");

    const refund = queryFromMessages([customer("You charged me twice! I need a refund")]);
    expect(rankSimilar(index, refund, { exclude: "open", limit: 3 }).map((r) => r.id).slice(0, 2).sort()).toEqual(["c-refund", "c-refund-2"]);
  });

  it("matches across accents: 'nao consigo redefinir a senha' finds the Portuguese chat", () => {
    expect(rankSimilar(index, "nao consigo redefinir a senha", { exclude: "open", limit: 1 })[0]?.id).toBe("c-pt");
  });

  it("never returns the open conversation itself", () => {
    const ids = rankSimilar(index, "reset my password", { exclude: "c-password", limit: 5 }).map((r) => r.id);
    expect(ids).not.toContain("c-password");
  });

  it("leaves out conversations the caller cannot see, without a hidden one taking a place", () => {
    const ana = { id: "ana", role: "agent" as const, teamIds: ["support"] };
    const seen = rankSimilar(index, "charged twice refund", {
      exclude: "open",
      limit: 5,
      accept: (id) => canSeeConversation(ana, teamOf.get(id)!),
    }).map((r) => r.id);
    expect(seen).toContain("c-refund-2");
    expect(seen).not.toContain("c-refund");
  });

  it("leaves out a chat that shares only a stray word with the question", () => {
    const ids = rankSimilar(index, "I can't reset my password for my order", { exclude: "open", limit: 5 }).map((r) => r.id);
    expect(ids[0]).toBe("c-password");
    expect(ids).not.toContain("c-delivery");
  });

  it("finds nothing for a question of filler words only", () => {
    expect(rankSimilar(index, "hi, thanks!", { exclude: "open", limit: 5 })).toEqual([]);
  });
});

describe("excerpts", () => {
  it("are plain text, whitespace folded, cut at a word", () => {
    expect(excerpt("a\n\n b")).toBe("a b");
    const long = excerpt("word ".repeat(100), 50);
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(51);
  });
});
