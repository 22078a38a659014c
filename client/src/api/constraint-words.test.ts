import { afterEach, describe, expect, it } from "vitest";
import { RetentionDaysSchema, RETENTION_MAX_DAYS } from "@inbox/shared/api/data-rights";
import { setLocale } from "../i18n/locale.ts";
import { schemaMessageWords } from "./constraint-words.ts";

afterEach(() => setLocale("en"));

describe("a schema's message with a number in it, in the user's language", () => {
  it("says the retention limit the schema enforces, in Portuguese too", () => {
    const english = RetentionDaysSchema.safeParse(RETENTION_MAX_DAYS + 1).error!.issues[0]!.message;
    expect(schemaMessageWords(english)).toBe(`Keep conversations at most ${RETENTION_MAX_DAYS} days.`);
    setLocale("pt-BR");
    expect(schemaMessageWords(english)).toBe(`Mantenha as conversas por no máximo ${RETENTION_MAX_DAYS} dias.`);
  });
});
