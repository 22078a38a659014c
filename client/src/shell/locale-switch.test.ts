import { afterEach, describe, expect, it } from "vitest";
import { localeFor } from "../app/index.ts";
import { t as presence } from "../presence/messages.ts";
import { t as together } from "../conversation/messages.ts";
import { t as shell } from "./messages.ts";
import { formatDay, formatListTime } from "../format/time.ts";
import { locale, setLocale } from "../i18n/locale.ts";

afterEach(() => setLocale("en"));

describe("switching the UI language", () => {
  it("changes the header, status and presence words at once, and back", () => {
    expect(together("status_open")).toBe("Open");
    expect(shell("signOut")).toBe("Sign out");
    setLocale("pt-BR");
    expect(together("status_open")).toBe("Aberta");
    expect(presence("typingReply", { name: "Ana" })).toBe("Ana está digitando uma resposta");
    expect(shell("signOut")).toBe("Sair");
    setLocale("en");
    expect(presence("viewing", { name: "Ana" })).toBe("Ana is viewing");
  });

  it("formats dates for the UI's language unless a locale is given", () => {
    const now = Date.UTC(2024, 2, 14, 12);
    const o = { timeZone: "UTC", now };
    expect(formatDay(Date.UTC(2024, 2, 14, 9), o)).toBe("Today");
    expect(formatListTime(Date.UTC(2024, 2, 11, 12), o)).toBe("Mon");
    setLocale("pt-BR");
    expect(formatDay(Date.UTC(2024, 2, 14, 9), o)).toBe("Hoje");
    expect(formatListTime(Date.UTC(2024, 2, 13, 12), o)).toBe("Ontem");
    expect(formatListTime(Date.UTC(2024, 2, 11, 12), o)).toBe("seg.");
    expect(formatDay(Date.UTC(2024, 2, 14, 9), { ...o, locale: "en-GB" })).toBe("Today");
  });

  it("follows the user's stored language, unless a choice made offline is still waiting to be sent", () => {
    expect(localeFor({ locale: "pt-BR" }, null)).toBe("pt-BR");
    expect(localeFor({ locale: "pt-BR" }, "en")).toBe("en");
    expect(localeFor(null, null)).toBeNull();
    expect(locale()).toBe("en");
  });
});
