import { describe, expect, it } from "vitest";
import { assigneeLabel, initials } from "./labels.ts";

describe("assigneeLabel", () => {
  const names = (id: string) => ({ u2: "Bruno" })[id];
  it("names the assignee", () => {
    const words = { unassigned: "Sem responsável", you: "Você", anotherAgent: "Outro atendente" };
    expect(assigneeLabel(null, "u1", names, words)).toBe("Sem responsável");
    expect(assigneeLabel("u1", "u1", names, words)).toBe("Você");
    expect(assigneeLabel("u2", "u1", names, words)).toBe("Bruno");
    expect(assigneeLabel("u9", "u1", names, words)).toBe("Outro atendente");
  });
});

describe("initials", () => {
  it("takes the first and last word", () => {
    expect(initials("Maria da Silva")).toBe("MS");
    expect(initials("ana")).toBe("A");
    expect(initials("  ")).toBe("?");
    expect(initials("Émile Zola")).toBe("ÉZ");
  });
});
