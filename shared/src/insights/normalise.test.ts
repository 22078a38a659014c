import { describe, expect, it } from "vitest";
import { fold, lookupForms } from "./normalise.ts";

describe("fold", () => {
  it("lowercases and drops diacritics", () => {
    expect(fold("Não É Péssimo, Ação")).toBe("nao e pessimo, acao");
    expect(fold("¿Cuánto tardó el envío?")).toBe("¿cuanto tardo el envio?");
  });
  it("leaves emoji alone", () => {
    expect(fold("OK 😡")).toBe("ok 😡");
  });
});

describe("lookupForms", () => {
  it("cuts stretched letters to two, then one", () => {
    expect(lookupForms("muitooo")).toEqual(["muitooo", "muitoo", "muito"]);
    expect(lookupForms("goood")).toEqual(["goood", "good", "god"]);
  });
  it("keeps words typed without stretching as they are", () => {
    expect(lookupForms("carro")).toEqual(["carro"]);
    expect(lookupForms("good")).toEqual(["good"]);
  });
});
