import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "./api.ts";
import { chooseLanguage, errorText, stringsFor, widgetLanguageOf } from "./i18n.ts";
import { STRINGS } from "./strings.ts";

describe("the widget's language", () => {
  it("follows the browser's preferred languages, the first one it speaks", () => {
    expect(chooseLanguage(["pt-BR", "en-US"])).toBe("pt-BR");
    expect(chooseLanguage(["pt-PT"])).toBe("pt-BR");
    expect(chooseLanguage(["es-MX", "en"])).toBe("es");
    expect(chooseLanguage(["de-DE", "es-AR", "pt-BR"])).toBe("es");
    expect(chooseLanguage(["en-GB"])).toBe("en");
  });
  it("falls back to English when it speaks none of them, or the browser names none", () => {
    expect(chooseLanguage(["de-DE", "fr"])).toBe("en");
    expect(chooseLanguage([])).toBe("en");
  });
  it("lets the embed snippet's data-lang decide, when it names a language the widget speaks", () => {
    expect(chooseLanguage(["en-US"], "es")).toBe("es");
    expect(chooseLanguage(["es"], "PT-br")).toBe("pt-BR");
    expect(chooseLanguage(["es"], "klingon")).toBe("es");
    expect(widgetLanguageOf("")).toBeNull();
  });
  it("has every sentence in every language, none left empty or in English by mistake", () => {
    const keys = Object.keys(STRINGS.en).sort();
    for (const table of Object.values(STRINGS)) {
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const value of Object.values(table)) if (typeof value === "string") expect(value.trim()).not.toBe("");
    }
    expect(STRINGS.es.startChat).not.toBe(STRINGS.en.startChat);
    expect(STRINGS["pt-BR"].typing("Ana")).toBe("Ana está digitando…");
  });
  it("says errors in the visitor's language: English keeps the server's own words", () => {
    const slow = new ApiError(429, "rate_limited", "Slow down: 30 messages a minute at most.");
    expect(errorText(stringsFor("en"), slow)).toBe("Slow down: 30 messages a minute at most.");
    expect(errorText(stringsFor("es"), slow)).toBe("Estás enviando mensajes demasiado rápido. Espera un momento.");
    expect(errorText(stringsFor("pt-BR"), new NetworkError())).toBe(STRINGS["pt-BR"].offline);
    expect(errorText(stringsFor("es"), new ApiError(500, "internal", "Boom"))).toBe("Algo salió mal. Inténtalo de nuevo.");
    const busy = new ApiError(503, "overloaded", "We're very busy right now. Your message will be sent in a moment.");
    expect(errorText(stringsFor("pt-BR"), busy)).toBe("Estamos com muito movimento agora. Sua mensagem será enviada em instantes.");
    expect(errorText(stringsFor("es"), busy)).toBe(STRINGS.es.busy);
  });
});
