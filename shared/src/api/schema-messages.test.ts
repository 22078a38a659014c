import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RetentionDaysSchema, RETENTION_MAX_DAYS } from "./data-rights.ts";
import { SCHEMA_MESSAGES, schemaMessageKey } from "./schema-messages.ts";

const SRC = fileURLToPath(new URL("..", import.meta.url));

/** Source files of the schemas, tests aside. */
function schemaFiles(): string[] {
  return ["api", "domain"].flatMap((dir) =>
    readdirSync(join(SRC, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => join(SRC, dir, f)),
  );
}

/**
 * A sentence passed as a zod message: `error: "..."`, `message: "..."`, or a string literal that is
 * a call's last argument (`.min(1, "...")`, `z.email("...")`, `.refine(fn, "...")`), starting with a
 * capital and holding a space, so identifiers and enum values are not taken for messages.
 */
function schemaSentences(source: string): string[] {
  const code = source.split("\n").filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join("\n");
  const literal = /(?:\b(?:error|message)\s*:\s*|[(,]\s*)"((?:[^"\\]|\\.)*)"(?=\s*[),}])/g;
  return [...code.matchAll(literal)].map((m) => m[1]!).filter((s) => /^[A-Z]/.test(s) && s.includes(" "));
}

describe("schema-written messages", () => {
  it("every message a schema in shared/src writes has a key in SCHEMA_MESSAGES", () => {
    const found = schemaFiles().flatMap((file) => schemaSentences(readFileSync(file, "utf8")).map((s) => ({ file, s })));
    // The scan itself works: it finds the sentences it was written for.
    expect(found.map((f) => f.s)).toContain("Give the team a name.");
    expect(found.length).toBeGreaterThan(50);
    expect(found.filter((f) => schemaMessageKey(f.s) === undefined)).toEqual([]);
  });

  it("no two keys share a sentence, so an English message leads back to one key", () => {
    const sentences = Object.values(SCHEMA_MESSAGES);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it("the retention bound written out in the table is the schema's own message", () => {
    const refused = RetentionDaysSchema.safeParse(RETENTION_MAX_DAYS + 1);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(SCHEMA_MESSAGES.retention_max);
    expect(schemaMessageKey(refused.error!.issues[0]!.message)).toBe("retention_max");
  });
});
