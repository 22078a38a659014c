import { afterEach, describe, expect, it } from "vitest";
import { defineMessages, interpolate } from "./define-messages.ts";
import { setLocale } from "./locale.ts";

afterEach(() => setLocale("en"));

describe("defineMessages", () => {
  const t = defineMessages({ hello: "Hello, {name}", bye: "Bye" }, { hello: "Olá, {name}", bye: "Tchau" });

  it("answers in the chosen language and follows a change of language", () => {
    expect(t("hello", { name: "Ana" })).toBe("Hello, Ana");
    setLocale("pt-BR");
    expect(t("hello", { name: "Ana" })).toBe("Olá, Ana");
    expect(t("bye")).toBe("Tchau");
  });

  it("keeps an unknown placeholder visible instead of dropping it", () => {
    expect(interpolate("{count} new in {inbox}", { count: 3 })).toBe("3 new in {inbox}");
  });
});
