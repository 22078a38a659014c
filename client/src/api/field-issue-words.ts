/**
 * A `fields_invalid` refusal's detail in the user's language: each failing path's issue
 * (shared/src/api/field-issues.ts) worded here, "nome: deve ter pelo menos 1 caractere", the
 * field named in words (field-display-names.ts). A message
 * the schema wrote itself ("Give the team a name.") is worded from its key in the shared table
 * (constraint-words.ts); a code or origin not worded here keeps the server's text for that
 * path. Part of reason-words.ts's chunk, loaded with the first refusal.
 */
import { FIELD_ISSUES_PARAM, FieldIssuesSchema, type FieldIssue } from "@inbox/shared";
import { defineMessages } from "../i18n/define-messages.ts";
import { schemaMessageWords } from "./constraint-words.ts";
import { fieldNameWords } from "./field-display-names.ts";

const t = defineMessages(
  {
    required: "is required",
    type_string: "must be text",
    type_number: "must be a number",
    type_int: "must be a whole number",
    type_boolean: "must be yes or no",
    type_array: "must be a list",
    type_object: "must be a group of fields",
    type_date: "must be a date",
    chars_min_1: "must have at least 1 character",
    chars_min: "must have at least {n} characters",
    chars_max_1: "must have at most 1 character",
    chars_max: "must have at most {n} characters",
    chars_exact_1: "must have exactly 1 character",
    chars_exact: "must have exactly {n} characters",
    items_min_1: "must have at least 1 item",
    items_min: "must have at least {n} items",
    items_max_1: "must have at most 1 item",
    items_max: "must have at most {n} items",
    items_exact_1: "must have exactly 1 item",
    items_exact: "must have exactly {n} items",
    number_min: "must be at least {n}",
    number_above: "must be greater than {n}",
    number_max: "must be at most {n}",
    number_below: "must be less than {n}",
    multiple_of: "must be a multiple of {n}",
    format_email: "must be an email address",
    format_url: "must be a web address",
    format_other: "is not in the expected format",
    value_one: "must be {value}",
    value_among: "must be one of: {values}",
    unknown_keys: "has fields that are not allowed: {keys}",
  },
  {
    required: "é obrigatório",
    type_string: "deve ser um texto",
    type_number: "deve ser um número",
    type_int: "deve ser um número inteiro",
    type_boolean: "deve ser sim ou não",
    type_array: "deve ser uma lista",
    type_object: "deve ser um grupo de campos",
    type_date: "deve ser uma data",
    chars_min_1: "deve ter pelo menos 1 caractere",
    chars_min: "deve ter pelo menos {n} caracteres",
    chars_max_1: "deve ter no máximo 1 caractere",
    chars_max: "deve ter no máximo {n} caracteres",
    chars_exact_1: "deve ter exatamente 1 caractere",
    chars_exact: "deve ter exatamente {n} caracteres",
    items_min_1: "deve ter pelo menos 1 item",
    items_min: "deve ter pelo menos {n} itens",
    items_max_1: "deve ter no máximo 1 item",
    items_max: "deve ter no máximo {n} itens",
    items_exact_1: "deve ter exatamente 1 item",
    items_exact: "deve ter exatamente {n} itens",
    number_min: "deve ser no mínimo {n}",
    number_above: "deve ser maior que {n}",
    number_max: "deve ser no máximo {n}",
    number_below: "deve ser menor que {n}",
    multiple_of: "deve ser múltiplo de {n}",
    format_email: "deve ser um endereço de e-mail",
    format_url: "deve ser um endereço da web",
    format_other: "não está no formato esperado",
    value_one: "deve ser {value}",
    value_among: "deve ser um destes: {values}",
    unknown_keys: "tem campos não permitidos: {keys}",
  },
);

const TYPES = { string: "type_string", number: "type_number", int: "type_int", boolean: "type_boolean", array: "type_array", object: "type_object", date: "type_date" } as const;
const COUNTED = { string: "chars", array: "items", set: "items" } as const;
const NUMERIC = new Set(["number", "int", "bigint"]);

const lookup = <T extends object>(table: T, key: string | undefined): T[keyof T] | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;

/** A length or count bound: "at least 3 characters", "exactly 1 item". */
function counted(unit: "chars" | "items", side: "min" | "max", issue: FieldIssue, n: number): string {
  const which = issue.exact ? "exact" : side;
  return n === 1 ? t(`${unit}_${which}_1`) : t(`${unit}_${which}`, { n });
}

/** One issue's words without its path, or null when this code or origin is not worded here. */
export function issueWords(issue: FieldIssue): string | null {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.missing) return t("required");
      const key = lookup(TYPES, issue.expected);
      return key ? t(key) : null;
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const n = small ? issue.minimum : issue.maximum;
      if (n === undefined) return null;
      const unit = lookup(COUNTED, issue.origin);
      // A count's bound is inclusive in every schema zod writes (min, max, length, nonempty).
      if (unit) return counted(unit, small ? "min" : "max", issue, n);
      if (!NUMERIC.has(issue.origin ?? "")) return null;
      const strict = issue.inclusive === false;
      return t(small ? (strict ? "number_above" : "number_min") : strict ? "number_below" : "number_max", { n });
    }
    case "not_multiple_of":
      return issue.divisor === undefined ? null : t("multiple_of", { n: issue.divisor });
    case "invalid_format":
      return issue.format === "email" ? t("format_email") : issue.format === "url" ? t("format_url") : t("format_other");
    case "invalid_value": {
      const values = issue.values ?? [];
      if (values.length === 0) return null;
      return values.length === 1 ? t("value_one", { value: values[0]! }) : t("value_among", { values: values.join(", ") });
    }
    case "unrecognized_keys":
      return issue.keys?.length ? t("unknown_keys", { keys: issue.keys.join(", ") }) : null;
    default:
      return null;
  }
}

/**
 * The refusal's summary in the user's language ("name: deve ter pelo menos 1 caractere; ..."),
 * each path it cannot word in the server's text for that path; null when the refusal carries
 * no readable issues (an older server), so the server's summary stands.
 */
export function fieldIssuesSummary(fields: Readonly<Record<string, string>>): string | null {
  const raw = fields[FIELD_ISSUES_PARAM];
  if (raw === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const issues = FieldIssuesSchema.safeParse(parsed);
  if (!issues.success || issues.data.length === 0) return null;
  const parts: string[] = [];
  for (const issue of issues.data) {
    const sent = fields[issue.path || "(body)"];
    const server = sent === undefined ? undefined : schemaMessageWords(sent);
    const words = (issue.own ? server : undefined) ?? issueWords(issue) ?? server;
    if (words === undefined) return null;
    parts.push(issue.path ? `${fieldNameWords(issue.path)}: ${words}` : words);
  }
  return parts.join("; ");
}
