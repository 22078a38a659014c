/**
 * A routing rule as the editor holds it while the admin types (strings, ticked values, label
 * chips), and the checks that turn it into what the server takes. What the form can catch is
 * said here in the UI's language (empty values, an unsafe pattern, which shared/domain/
 * rule-patterns.ts judges exactly as the server does); the server checks everything again.
 */
import { patternProblem, type PatternProblem } from "@inbox/shared/domain/rule-patterns";
import { schemaMessageWords } from "../../api/constraint-words.ts";
import { fieldNameWords } from "../../api/field-display-names.ts";
import {
  RoutingRuleInputSchema,
  type RoutingRule,
  type RoutingRuleInput,
  type RuleAction,
  type RuleActionType,
  type RuleCondition,
  type RuleConditionType,
} from "@inbox/shared/domain/routing-rules";

export const CONDITION_TYPES: readonly RuleConditionType[] = [
  "text_contains",
  "text_matches",
  "channel",
  "inbox",
  "contact_vip",
  "contact_company",
  "contact_language",
  "labels",
  "business_hours",
  "priority",
  "sentiment",
  "urgency",
];
export const ACTION_TYPES: readonly RuleActionType[] = ["set_team", "set_priority", "add_labels", "assign_agent", "route", "skip_routing", "send_canned", "stop"];

/** Conditions whose values are typed one per line (words, patterns, companies, languages). */
const LINES: ReadonlySet<RuleConditionType> = new Set(["text_contains", "text_matches", "contact_company", "contact_language"]);

export interface ConditionDraft {
  type: RuleConditionType;
  /** Ticked values (channel, inbox, priority) or label chips. */
  values: string[];
  /** Values one per line. */
  lines: string;
  /** VIP or not; within business hours or outside; urgent or not. */
  flag: boolean;
}

export interface ActionDraft {
  type: RuleActionType;
  /** The chosen team, priority, person, mode or canned response. */
  value: string;
  labels: string[];
}

export interface RuleDraft {
  name: string;
  enabled: boolean;
  onCreated: boolean;
  onMessage: boolean;
  conditions: ConditionDraft[];
  actions: ActionDraft[];
}

export const EMPTY_RULE: RuleDraft = { name: "", enabled: true, onCreated: true, onMessage: false, conditions: [], actions: [] };

export function newCondition(type: RuleConditionType): ConditionDraft {
  return { type, values: [], lines: "", flag: true };
}

/** Priority and mode start on a value the select shows; a team, person or canned reply must be chosen. */
const ACTION_DEFAULTS: Partial<Record<RuleActionType, string>> = { set_priority: "urgent", route: "least_loaded" };

export function newAction(type: RuleActionType): ActionDraft {
  return { type, value: ACTION_DEFAULTS[type] ?? "", labels: [] };
}

export function ruleDraft(rule: RoutingRule): RuleDraft {
  return {
    name: rule.name,
    enabled: rule.enabled,
    onCreated: rule.triggers.includes("conversation_created"),
    onMessage: rule.triggers.includes("customer_message"),
    conditions: rule.conditions.map(conditionDraft),
    actions: rule.actions.map(actionDraft),
  };
}

function conditionDraft(c: RuleCondition): ConditionDraft {
  const d = newCondition(c.type);
  if (c.type === "contact_vip") return { ...d, flag: c.vip };
  if (c.type === "business_hours") return { ...d, flag: c.within };
  if (c.type === "urgency") return { ...d, flag: c.high };
  if (LINES.has(c.type)) return { ...d, lines: (c as { values: string[] }).values.join("\n") };
  return { ...d, values: [...(c as { values: string[] }).values] };
}

function actionDraft(a: RuleAction): ActionDraft {
  const d = newAction(a.type);
  switch (a.type) {
    case "set_team":
      return { ...d, value: a.teamId };
    case "set_priority":
      return { ...d, value: a.priority };
    case "assign_agent":
      return { ...d, value: a.userId };
    case "route":
      return { ...d, value: a.mode };
    case "send_canned":
      return { ...d, value: a.cannedId };
    case "add_labels":
      return { ...d, labels: [...a.labels] };
    default:
      return d;
  }
}

/** What the form says is wrong, each tied to the part of the rule it is about. */
export type DraftProblem =
  | { kind: "name" }
  | { kind: "trigger" }
  | { kind: "no_action" }
  | { kind: "condition_empty"; index: number }
  | { kind: "action_empty"; index: number }
  | { kind: "action_no_labels"; index: number }
  | { kind: "pattern"; index: number; pattern: string; problem: PatternProblem }
  | { kind: "server"; message: string };

export type DraftResult = { ok: true; value: RoutingRuleInput } | { ok: false; problems: DraftProblem[] };

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function inputFromDraft(d: RuleDraft): DraftResult {
  const problems: DraftProblem[] = [];
  if (!d.name.trim()) problems.push({ kind: "name" });
  if (!d.onCreated && !d.onMessage) problems.push({ kind: "trigger" });
  if (d.actions.length === 0) problems.push({ kind: "no_action" });
  const conditions = d.conditions.map((c, index): unknown => {
    if (c.type === "contact_vip") return { type: c.type, vip: c.flag };
    if (c.type === "business_hours") return { type: c.type, within: c.flag };
    if (c.type === "urgency") return { type: c.type, high: c.flag };
    const values = LINES.has(c.type) ? lines(c.lines) : c.values;
    if (values.length === 0) problems.push({ kind: "condition_empty", index });
    if (c.type === "text_matches") {
      for (const pattern of values) {
        const problem = patternProblem(pattern);
        if (problem) problems.push({ kind: "pattern", index, pattern, problem });
      }
    }
    return { type: c.type, values };
  });
  const actions = d.actions.map((a, index): unknown => {
    const needsValue = ["set_team", "set_priority", "assign_agent", "route", "send_canned"].includes(a.type);
    if (needsValue && !a.value) problems.push({ kind: "action_empty", index });
    if (a.type === "add_labels" && a.labels.length === 0) problems.push({ kind: "action_no_labels", index });
    switch (a.type) {
      case "set_team":
        return { type: a.type, teamId: a.value };
      case "set_priority":
        return { type: a.type, priority: a.value };
      case "assign_agent":
        return { type: a.type, userId: a.value };
      case "route":
        return { type: a.type, mode: a.value };
      case "send_canned":
        return { type: a.type, cannedId: a.value };
      case "add_labels":
        return { type: a.type, labels: a.labels };
      default:
        return { type: a.type };
    }
  });
  if (problems.length) return { ok: false, problems };
  const triggers = [...(d.onCreated ? ["conversation_created"] : []), ...(d.onMessage ? ["customer_message"] : [])];
  const parsed = RoutingRuleInputSchema.safeParse({ name: d.name, enabled: d.enabled, triggers, conditions, actions });
  // What the form does not check itself (e.g. two ways to route) the shared schema says (in the user's language when it is a sentence of the shared table).
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: parsed.error.issues.map((i) => ({ kind: "server" as const, message: issueText(i) })) };
}

/** A shared schema's issue in the user's language; a fragment ("may have at most 12 actions") after the field it is about. */
function issueText(issue: { path: readonly PropertyKey[]; message: string }): string {
  const words = schemaMessageWords(issue.message);
  const path = issue.path.map(String).join(".");
  return /^\p{Ll}/u.test(issue.message) && path ? `${fieldNameWords(path)}: ${words}` : words;
}

/** Labels as agents write them (client/src/sync/work-values.ts): trimmed, at most 40 characters. */
export function cleanLabel(input: string): string {
  return input.trim().replace(/\s+/g, " ").slice(0, 40);
}

/** The order after moving one rule up (-1) or down (+1); unchanged at the ends. */
export function moved(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const i = ids.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= ids.length) return [...ids];
  const next = [...ids];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
