/**
 * What is wrong with each field of a refused body, without words: a `fields_invalid` refusal
 * carries, beside its English `fields_summary`, the parameter `field_issues` holding this list as
 * JSON (a refusal's parameters are strings). One entry per failing path (the path's first zod
 * issue, as the per-path messages): zod 4's issue code and the few values a sentence needs.
 * The PWA words each entry in the user's language (client/src/api/field-issue-words.ts) and keeps
 * the server's English message for a path whose code or origin it does not know, or whose
 * message the schema wrote itself (`own`).
 *
 *   [{"path":"name","code":"too_small","origin":"string","minimum":1,"inclusive":true},
 *    {"path":"email","code":"invalid_type","expected":"string","missing":true}]
 *
 * zod/mini: the PWA reads it in the refusal's own chunk, which need not pull in classic zod.
 */
import * as z from "zod/mini";

/** The refusal parameter that holds the list. */
export const FIELD_ISSUES_PARAM = "field_issues";

export const FieldIssueSchema = z.object({
  /** Dotted path as in `fields`; "" for the body itself (where `fields` says "(body)"). */
  path: z.string(),
  /** zod 4's issue code (`too_small`, `invalid_type`, ...); any string, so a new one still parses. */
  code: z.string(),
  /** What was measured: `string`, `number`, `int`, `array`, `set`, `date`, ... */
  origin: z.optional(z.string()),
  minimum: z.optional(z.number()),
  maximum: z.optional(z.number()),
  /** Whether the bound itself is allowed (>= rather than >). */
  inclusive: z.optional(z.boolean()),
  /** The length or size must be exactly the bound. */
  exact: z.optional(z.boolean()),
  /** `invalid_type`: the type expected (`string`, `number`, `boolean`, `array`, `object`, ...). */
  expected: z.optional(z.string()),
  /** `invalid_type`: nothing was sent at this path. */
  missing: z.optional(z.boolean()),
  /** `invalid_format`: `email`, `url`, `uuid`, `datetime`, `regex`, ... */
  format: z.optional(z.string()),
  /** `invalid_value`: the values allowed, as JSON text ("a", 1, true, null). */
  values: z.optional(z.array(z.string())),
  /** `unrecognized_keys`: the keys not allowed. */
  keys: z.optional(z.array(z.string())),
  /** `not_multiple_of`. */
  divisor: z.optional(z.number()),
  /**
   * The schema wrote its own message for this issue ("Give the team a name."): it says more than
   * a sentence made from the code, so the PWA shows it (the path's entry in `fields`) as written.
   */
  own: z.optional(z.boolean()),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const FieldIssuesSchema = z.array(FieldIssueSchema);
