import { describe, expect, it } from "vitest";
import type { CannedResponse } from "@inbox/shared/api/content";
import { filterCanned } from "./canned-filter.ts";
import { fillCannedVariables, firstName, type CannedVars } from "./canned-vars.ts";

const vars: CannedVars = {
  contactName: "Maria Oliveira",
  contactFirstName: "Maria",
  contactEmail: "",
  agentName: "Ana Souza",
  agentFirstName: "Ana",
  inboxName: "Website chat",
  conversationId: "c-1",
};

describe("filling a canned response's variables", () => {
  it("puts in the contact's, agent's and inbox's names", () => {
    expect(fillCannedVariables("Olá {{contact.first_name}}, aqui é {{agent.first_name}} do {{ inbox.name }}.", vars)).toBe(
      "Olá Maria, aqui é Ana do Website chat.",
    );
    expect(fillCannedVariables("Dear {{contact.name}}, regards {{agent.name}}", vars)).toBe("Dear Maria Oliveira, regards Ana Souza");
  });

  it("leaves unknown variables and empty values visible for the agent to fix", () => {
    expect(fillCannedVariables("Hi {{contact.nickname}}, we wrote to {{contact.email}}", vars)).toBe("Hi {{contact.nickname}}, we wrote to {{contact.email}}");
  });

  it("takes the first word of a name as the first name", () => {
    expect(firstName("  João  Pereira ")).toBe("João");
    expect(firstName("")).toBe("");
  });
});

describe("finding canned responses by what follows the slash", () => {
  const c = (shortcut: string, title: string): CannedResponse => ({ id: shortcut, shortcut, title, text: "", teamId: null, updatedAt: 0 });
  const list = [c("thanks", "Thank you"), c("saudacao", "Saudação"), c("refund", "Refund policy"), c("hi", "Greeting: say thanks")];

  it("lists shortcuts that start with it first, then those containing it in shortcut or title", () => {
    expect(filterCanned(list, "th").map((x) => x.shortcut)).toEqual(["thanks", "hi"]);
    expect(filterCanned(list, "saud").map((x) => x.shortcut)).toEqual(["saudacao"]);
  });

  it("lists everything for a bare slash, and nothing for no match", () => {
    expect(filterCanned(list, "")).toHaveLength(4);
    expect(filterCanned(list, "zzz")).toEqual([]);
  });
});
