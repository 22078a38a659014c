import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/locale.ts";
import { formatFileSize } from "./file-size.ts";

afterEach(() => setLocale("en"));

const MB = 1024 * 1024;

describe("formatFileSize", () => {
  it("says sizes the way the limits are written, with one decimal only below 10", () => {
    expect(formatFileSize(900)).toBe("900 B");
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(5 * MB)).toBe("5 MB");
    expect(formatFileSize(7.2 * MB)).toBe("7.2 MB");
    expect(formatFileSize(300 * MB)).toBe("300 MB");
    expect(formatFileSize(2048 * MB)).toBe("2 GB");
  });

  it("writes the decimal comma in Portuguese, following the UI's language unless a locale is given", () => {
    setLocale("pt-BR");
    expect(formatFileSize(7.2 * MB)).toBe("7,2 MB");
    expect(formatFileSize(1500 * MB)).toBe("1,5 GB");
    expect(formatFileSize(7.2 * MB, "en")).toBe("7.2 MB");
  });
});
