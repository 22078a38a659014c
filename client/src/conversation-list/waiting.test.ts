import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/locale.ts";
import { waitingWords } from "./waiting.ts";

const MIN = 60_000;
const now = Date.UTC(2024, 2, 14, 15, 30);

afterEach(() => setLocale("en"));

describe("waitingWords", () => {
  it("counts whole minutes, then hours, then days", () => {
    expect(waitingWords(now - 20_000, now)).toBe("waiting <1 min");
    expect(waitingWords(now - 12 * MIN - 59_000, now)).toBe("waiting 12 min");
    expect(waitingWords(now - 59 * MIN, now)).toBe("waiting 59 min");
    expect(waitingWords(now - 90 * MIN, now)).toBe("waiting 1 h");
    expect(waitingWords(now - 47 * 60 * MIN, now)).toBe("waiting 47 h");
    expect(waitingWords(now - 3 * 24 * 60 * MIN, now)).toBe("waiting 3 d");
  });

  it("never shows a negative wait when the device clock lags the server", () => {
    expect(waitingWords(now + 5 * MIN, now)).toBe("waiting <1 min");
  });

  it("speaks the UI's language", () => {
    setLocale("pt-BR");
    expect(waitingWords(now - 12 * MIN, now)).toBe("espera 12 min");
  });
});
