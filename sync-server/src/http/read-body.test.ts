import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FIELD_ISSUES_PARAM, FieldIssuesSchema } from "@inbox/shared";
import { validationError } from "./read-body.ts";

/** The refusal a body gets from `schema`, as the PWA receives its fields. */
function refusalOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a refusal");
  const err = validationError(result.error, input);
  return { err, issues: FieldIssuesSchema.parse(JSON.parse(err.fields![FIELD_ISSUES_PARAM]!)) };
}

describe("a refused body names each field's problem without words, beside the English", () => {
  const Team = z.object({ name: z.string().min(1).max(80), capacity: z.int().gt(0).max(50), email: z.email(), role: z.enum(["agent", "admin"]), tags: z.array(z.string()).max(3) }).strict();

  it("gives each failing path its zod code and the values a sentence needs", () => {
    const { err, issues } = refusalOf(Team, { name: "", capacity: 0, email: "ana", role: "owner", tags: ["a", "b", "c", "d"], colour: "red" });
    expect(err.code).toBe("validation_failed");
    expect(err.fields!.reason).toBe("fields_invalid");
    // Callers that are not the PWA keep zod's English per path and in the summary.
    expect(err.fields!.name).toBe("Too small: expected string to have >=1 characters");
    expect(err.fields!.fields_summary).toContain("name: Too small");
    expect(issues).toEqual([
      { path: "name", code: "too_small", origin: "string", minimum: 1, inclusive: true },
      { path: "capacity", code: "too_small", origin: "number", minimum: 0, inclusive: false },
      { path: "email", code: "invalid_format", format: "email" },
      { path: "role", code: "invalid_value", values: ['"agent"', '"admin"'] },
      { path: "tags", code: "too_big", origin: "array", maximum: 3, inclusive: true },
      { path: "", code: "unrecognized_keys", keys: ["colour"] },
    ]);
  });

  it("tells a field nobody sent from one of the wrong type", () => {
    const { issues } = refusalOf(z.object({ name: z.string(), capacity: z.number() }), { capacity: "ten" });
    expect(issues).toEqual([
      { path: "name", code: "invalid_type", expected: "string", missing: true },
      { path: "capacity", code: "invalid_type", expected: "number" },
    ]);
  });

  it("marks a message the schema wrote itself, which says more than one made from the code", () => {
    const { err, issues } = refusalOf(z.object({ name: z.string().min(1, "Give the team a name."), size: z.int().max(9) }), { name: "", size: 12 });
    expect(err.fields!.name).toBe("Give the team a name.");
    expect(issues).toEqual([
      { path: "name", code: "too_small", origin: "string", minimum: 1, inclusive: true, own: true },
      { path: "size", code: "too_big", origin: "number", maximum: 9, inclusive: true },
    ]);
  });

  it("keeps one entry per path, the first, as the per-path messages do", () => {
    const { err, issues } = refusalOf(z.object({ slug: z.string().min(3).regex(/^[a-z]+$/) }), { slug: "A" });
    expect(issues).toEqual([{ path: "slug", code: "too_small", origin: "string", minimum: 3, inclusive: true }]);
    expect(Object.keys(err.fields!).sort()).toEqual(["field_issues", "fields_summary", "reason", "slug"]);
  });

  it("a body with a field called field_issues keeps that field's message, with no code beside it", () => {
    const { fields } = validationError(z.object({ field_issues: z.string() }).safeParse({}).error!, {});
    expect(fields).toEqual({ field_issues: "Invalid input: expected string, received undefined" });
  });
});
