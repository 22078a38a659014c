import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RetentionDaysSchema, RETENTION_MAX_DAYS } from "./data-rights.ts";
import { RoutingRuleInputSchema } from "../domain/routing-rules.ts";
import { ReportQuerySchema } from "./reports.ts";
import { SCHEMA_MESSAGES, schemaMessageMatch } from "./schema-messages.ts";

const schemaMessageKey = (english: string) => schemaMessageMatch(english)?.key;

const SRC = fileURLToPath(new URL("..", import.meta.url));

/** Source files of the schemas, tests aside. */
function schemaFiles(): string[] {
  return ["api", "domain"].flatMap((dir) =>
    readdirSync(join(SRC, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => join(SRC, dir, f)),
  );
}

/** The schemas' code: comments and thrown errors (a programmer's words, never a user's) left out. */
function code(source: string): string {
  return source
    .split("\n")
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && !/\bthrow new\b/.test(line))
    .join("\n");
}

const MESSAGE_AT = String.raw`(?:\b(?:error|message)\s*:\s*|[(,]\s*)`;

/**
 * A sentence or fragment passed as a zod message: `error: "..."`, `message: "..."`, or a string
 * literal that is a call's last argument (`.min(1, "...")`, `z.email("...")`, `.refine(fn, "...")`),
 * holding a letter and a space, so identifiers, enum values and separators are not taken for messages.
 */
function schemaSentences(source: string): string[] {
  const literal = new RegExp(MESSAGE_AT + String.raw`"((?:[^"\\]|\\.)*)"(?=\s*[),}])`, "g");
  return [...code(source).matchAll(literal)].map((m) => m[1]!).filter((s) => /[A-Za-z]/.test(s) && s.includes(" "));
}

/** Messages built in a template literal (`must be at most ${n} characters`): the PWA could not find their key. */
function builtSentences(source: string): string[] {
  const literal = new RegExp(MESSAGE_AT + "`((?:[^`\\\\]|\\\\.)*)`(?=\\s*[),}])", "g");
  return [...code(source).matchAll(literal)].map((m) => m[1]!).filter((s) => s.includes("${") && /[A-Za-z]+ [A-Za-z]/.test(s.replace(/\$\{[^}]*\}/g, "")));
}

describe("schema-written messages", () => {
  it("every message a schema in shared/src writes has a key in SCHEMA_MESSAGES", () => {
    const found = schemaFiles().flatMap((file) => schemaSentences(readFileSync(file, "utf8")).map((s) => ({ file, s })));
    // The scan itself works: it finds the sentences it was written for.
    expect(found.map((f) => f.s)).toContain("Give the team a name.");
    expect(found.length).toBeGreaterThan(50);
    expect(found.filter((f) => schemaMessageKey(f.s) === undefined)).toEqual([]);
    // Fragments written after a field's name are found too.
    expect(found.map((f) => f.s)).toContain("must not be empty");
  });

  it("no schema builds a message in a template literal: a value known at run time goes through schemaMessage", () => {
    const built = schemaFiles().flatMap((file) => builtSentences(readFileSync(file, "utf8")).map((s) => ({ file, s })));
    expect(built).toEqual([]);
    // The scan sees a built message where one is.
    expect(builtSentences("z.string().max(n, `may hold at most ${n} values`)")).toEqual(["may hold at most ${n} values"]);
  });

  it("a template's message leads back to its key and the values put in it", () => {
    const rule = RoutingRuleInputSchema.safeParse({
      name: "Refunds",
      triggers: ["customer_message"],
      conditions: [{ type: "text_matches", values: ["(a+)+”x"] }],
      actions: [{ type: "stop" }],
    });
    const message = rule.error?.issues[0]?.message ?? "";
    expect(message).toBe("The pattern “(a+)+”x” repeats something that already repeats, like (a+)+, which can take very long on some messages; simplify it.");
    expect(schemaMessageMatch(message)).toEqual({ key: "pattern_nested_repetition", vars: { pattern: "(a+)+”x" } });

    const period = ReportQuerySchema.safeParse({});
    const said = period.error?.issues[0]?.message ?? "";
    expect(schemaMessageMatch(said)?.key).toBe("period_required");
    expect(schemaMessageMatch(said)?.vars.presets).toContain("last7");
    expect(schemaMessageMatch("must be at most 80 characters")).toEqual({ key: "chars_at_most", vars: { n: "80" } });
    expect(schemaMessageMatch("The pattern is fine.")).toBeUndefined();
  });

  it("taking an action twice is told by the action's kind", () => {
    const twice = RoutingRuleInputSchema.safeParse({
      name: "Twice",
      triggers: ["customer_message"],
      conditions: [],
      actions: [{ type: "add_labels", labels: ["a"] }, { type: "route", mode: "round_robin" }, { type: "add_labels", labels: ["b"] }, { type: "skip_routing" }],
    });
    expect(twice.error?.issues.map((i) => [i.path.join("."), schemaMessageKey(i.message)])).toEqual([
      ["actions.2", "rule_one_add_labels"],
      ["actions.3", "rule_one_routing"],
    ]);
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
