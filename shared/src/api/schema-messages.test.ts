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

/** The table itself: the one file allowed to write the sentences out. */
const TABLE = fileURLToPath(new URL("./schema-messages.ts", import.meta.url));
/** The server's source: it may say a schema's sentence too (a check the schema cannot make). */
const SERVER_SRC = fileURLToPath(new URL("../../../sync-server/src", import.meta.url));

/** TypeScript sources under these folders, tests and the table aside. */
function sources(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => join(dir, f))
      .filter((file) => file !== TABLE),
  );
}

/** Source files of the schemas. */
const schemaFiles = (): string[] => sources([join(SRC, "api"), join(SRC, "domain")]);

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

/** String literals in code (any position: a constant, a return, a table) that say one of the table's sentences. */
function tableCopies(source: string): string[] {
  return [...code(source).matchAll(/"((?:[^"\\\n]|\\.)*)"/g)]
    .map((m) => unescaped(m[1]!))
    .filter((s) => s.includes(" ") && schemaMessageKey(s) !== undefined);
}

/** A double-quoted literal's text; its source text when it holds an escape JSON does not know. */
function unescaped(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body;
  }
}

describe("schema-written messages", () => {
  it("no schema in shared/src writes a message of its own: each is taken from SCHEMA_MESSAGES", () => {
    const files = schemaFiles();
    const written = files.flatMap((file) => schemaSentences(readFileSync(file, "utf8")).map((s) => ({ file, s })));
    expect(written).toEqual([]);
    // The scan looks where the schemas are: they take their messages from the table there.
    const taken = files.map((file) => readFileSync(file, "utf8").match(/\bSCHEMA_MESSAGES(?:\.\w+|\[)|\bschemaMessage\(/g)?.length ?? 0);
    expect(taken.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    // The scan itself works: it finds a sentence, or a fragment, written where a message goes.
    expect(schemaSentences('export const TeamRequestSchema = z.object({ name: z.string().trim().min(1, "Give the team a name.").max(120) });')).toEqual(["Give the team a name."]);
    expect(schemaSentences('ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });')).toEqual(["must be after from"]);
    expect(schemaSentences('z.url({ error: "Not a web address." })')).toEqual(["Not a web address."]);
    expect(schemaSentences('.refine((b) => b.name !== undefined,\n  "Say what to change.")')).toEqual(["Say what to change."]);
    expect(schemaSentences("z.string().min(1, SCHEMA_MESSAGES.team_name_required)")).toEqual([]);
  });

  it("no source in shared/src or sync-server/src copies a sentence of the table: it takes it from there", () => {
    const copies = sources([SRC, SERVER_SRC]).flatMap((file) => tableCopies(readFileSync(file, "utf8")).map((s) => ({ file, s })));
    expect(copies).toEqual([]);
    // The scan sees a copy where one is, a filled-in template too.
    expect(tableCopies('reply_content_mixed: "A reply can carry text, an attachment, buttons or quick replies.",')).toEqual(["A reply can carry text, an attachment, buttons or quick replies."]);
    expect(tableCopies('.max(80, "must be at most 80 characters")')).toEqual(["must be at most 80 characters"]);
    expect(tableCopies('reply_content_mixed: SCHEMA_MESSAGES.reply_content_kinds, other: "A sentence of its own."')).toEqual([]);
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

  it("the retention limit the schema says is its own bound, read back as the template's number", () => {
    const refused = RetentionDaysSchema.safeParse(RETENTION_MAX_DAYS + 1);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(`Keep conversations at most ${RETENTION_MAX_DAYS} days.`);
    expect(schemaMessageMatch(refused.error!.issues[0]!.message)).toEqual({ key: "retention_max", vars: { n: String(RETENTION_MAX_DAYS) } });
    expect(RetentionDaysSchema.safeParse(RETENTION_MAX_DAYS).success).toBe(true);
  });
});
