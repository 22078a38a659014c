import { z } from "zod";
import type { FieldIssue } from "@inbox/shared";

type Issue = z.core.$ZodIssue;

/** A bound as a JSON number: bigints become numbers; what is not finite is left out. */
function bound(value: unknown): number | undefined {
  const n = typeof value === "bigint" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/** What `input` holds at `path`, or undefined when any step is not there. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const zodEnglish = z.locales.en().localeError;

/** Whether the schema gave this issue its own message rather than zod's default English one. */
function ownMessage(issue: Issue, input: unknown): boolean {
  // zod's default sentence is made again from the issue; `received` in it reads the input.
  const made = zodEnglish({ ...issue, input: valueAt(input, issue.path) } as Parameters<typeof zodEnglish>[0]);
  return issue.message !== (typeof made === "string" ? made : made?.message);
}

/**
 * One zod issue as the language-neutral entry the PWA words (shared/src/api/field-issues.ts).
 * `input` is what was parsed: zod's issues do not carry it, and "missing" reads better than
 * "must be text" for a field nobody filled in.
 */
export function describeIssue(issue: Issue, input: unknown): FieldIssue {
  const out: FieldIssue = { path: issue.path.map(String).join("."), code: issue.code };
  if (ownMessage(issue, input)) out.own = true;
  switch (issue.code) {
    case "too_small":
    case "too_big": {
      out.origin = issue.origin;
      const limit = bound(issue.code === "too_small" ? issue.minimum : issue.maximum);
      if (limit !== undefined) out[issue.code === "too_small" ? "minimum" : "maximum"] = limit;
      if (issue.inclusive !== undefined) out.inclusive = issue.inclusive;
      if (issue.exact) out.exact = true;
      break;
    }
    case "invalid_type":
      out.expected = issue.expected;
      if (valueAt(input, issue.path) === undefined) out.missing = true;
      break;
    case "invalid_format":
      out.format = issue.format;
      break;
    case "invalid_value":
      out.values = issue.values.map((v) => (typeof v === "bigint" ? String(v) : JSON.stringify(v) ?? String(v)));
      break;
    case "unrecognized_keys":
      out.keys = [...issue.keys];
      break;
    case "not_multiple_of": {
      const divisor = bound(issue.divisor);
      if (divisor !== undefined) out.divisor = divisor;
      break;
    }
    default:
      break;
  }
  return out;
}
