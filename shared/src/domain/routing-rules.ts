import { z } from "zod";
import { PrioritySchema } from "./conversation.ts";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { ChannelTypeSchema } from "./inbox.ts";
import { SCHEMA_MESSAGES, schemaMessage } from "../api/schema-messages.ts";
import { patternProblem, patternWords } from "./rule-patterns.ts";

/**
 * Routing rules (issue 13): an admin's "when … and … then …", evaluated in order on every new
 * conversation and customer message (rule-evaluator.ts). All conditions of a rule must match;
 * a condition with several values matches when any of them does. Stored in `routing_rules`
 * (conditions and actions as JSON validated by these schemas).
 */

/** "customer_message": every customer message, a new conversation's first one included; "conversation_created": only that first one. */
export const RULE_TRIGGERS = ["conversation_created", "customer_message"] as const;
export const RuleTriggerSchema = z.enum(RULE_TRIGGERS);
export type RuleTrigger = z.infer<typeof RuleTriggerSchema>;

/** Automatic modes a rule may hand a chat to, whatever its inbox's own mode. */
export const RuleRoutingModeSchema = z.enum(["round_robin", "least_loaded"]);
export type RuleRoutingMode = z.infer<typeof RuleRoutingModeSchema>;

const Word = z.string().trim().min(1, SCHEMA_MESSAGES.not_empty).max(100, schemaMessage("chars_at_most", { n: 100 }));
/** Labels as agents write them (client/src/sync/work-values.ts normalizeLabel): trimmed, at most 40 characters. */
export const RuleLabelSchema = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, SCHEMA_MESSAGES.not_empty).max(40, schemaMessage("chars_at_most", { n: 40 })));
const Pattern = z.string().superRefine((p, ctx) => {
  const problem = patternProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: patternWords(p, problem) });
});
/** A language tag ("pt", "pt-BR", "en"). */
const LanguageTag = z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, SCHEMA_MESSAGES.language_code_format);

const values = <T extends z.ZodType>(item: T, most = 20) => z.array(item).min(1, SCHEMA_MESSAGES.values_required).max(most, schemaMessage("values_at_most", { n: most }));

export const RuleConditionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("channel"), values: values(ChannelTypeSchema) }),
  z.object({ type: z.literal("inbox"), values: values(IdSchema, 50) }),
  /** The customer is (or is not) a VIP. */
  z.object({ type: z.literal("contact_vip"), vip: z.boolean() }),
  /**
   * The customer's language: no channel sends one, so it is the language the message is written
   * in, detected on the server (routing/message-language.ts); a message too short to tell (a
   * greeting, an emoji) matches no language.
   */
  z.object({ type: z.literal("contact_language"), values: values(LanguageTag) }),
  /** The contact's company is one of these (case and accents ignored). */
  z.object({ type: z.literal("contact_company"), values: values(Word) }),
  /** The conversation has any of these labels. */
  z.object({ type: z.literal("labels"), values: values(RuleLabelSchema) }),
  /** The message contains any of these words or phrases (case and accents ignored). */
  z.object({ type: z.literal("text_contains"), values: values(Word, 50) }),
  /** The message matches any of these patterns (regular expressions, checked to be safe; rule-patterns.ts). */
  z.object({ type: z.literal("text_matches"), values: values(Pattern, 10) }),
  /** The message arrived within (or outside) the workspace's business hours. */
  z.object({ type: z.literal("business_hours"), within: z.boolean() }),
  z.object({ type: z.literal("priority"), values: values(PrioritySchema) }),
  /** The message's sentiment, judged on the device and the server alike (shared/insights). */
  z.object({ type: z.literal("sentiment"), values: values(z.enum(["negative", "neutral", "positive"])) }),
  /**
   * The message is (or is not) urgent: its words (fraud, Procon, "urgente", an outage, a cancel
   * with a deadline…) and whether the customer is a VIP (shared/insights assessUrgency).
   */
  z.object({ type: z.literal("urgency"), high: z.boolean() }),
]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export type RuleConditionType = RuleCondition["type"];

export const RuleActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("set_team"), teamId: IdSchema }),
  z.object({ type: z.literal("set_priority"), priority: PrioritySchema }),
  z.object({ type: z.literal("add_labels"), labels: z.array(RuleLabelSchema).min(1, SCHEMA_MESSAGES.labels_required).max(10, SCHEMA_MESSAGES.labels_at_most) }),
  z.object({ type: z.literal("assign_agent"), userId: IdSchema }),
  /** Hand the chat to an automatic mode, whatever its inbox's own mode. */
  z.object({ type: z.literal("route"), mode: RuleRoutingModeSchema }),
  /** Leave the chat unassigned in its queue: automatic routing does not offer it. */
  z.object({ type: z.literal("skip_routing") }),
  /** Reply with a canned response, sent through the outbox like an agent's reply. */
  z.object({ type: z.literal("send_canned"), cannedId: IdSchema }),
  /** Rules after this one are not evaluated for the message. */
  z.object({ type: z.literal("stop") }),
]);
export type RuleAction = z.infer<typeof RuleActionSchema>;
export type RuleActionType = RuleAction["type"];

/** Actions that decide who gets the chat: a rule takes at most one of them. */
export const ROUTING_ACTIONS: ReadonlySet<RuleActionType> = new Set(["assign_agent", "route", "skip_routing"]);

export const RULE_NAME_MAX = 80;

/** What an admin writes: the rule without its place in the list and times. */
export const RoutingRuleInputSchema = z
  .object({
    name: z.string().trim().min(1, SCHEMA_MESSAGES.not_empty).max(RULE_NAME_MAX, schemaMessage("chars_at_most", { n: RULE_NAME_MAX })),
    enabled: z.boolean().default(true),
    triggers: z
      .array(RuleTriggerSchema)
      .min(1, SCHEMA_MESSAGES.rule_triggers_required)
      .max(2)
      .refine((t) => new Set(t).size === t.length, { message: SCHEMA_MESSAGES.rule_trigger_twice }),
    conditions: z.array(RuleConditionSchema).max(20, SCHEMA_MESSAGES.rule_conditions_at_most),
    actions: z.array(RuleActionSchema).min(1, SCHEMA_MESSAGES.rule_actions_required).max(12, SCHEMA_MESSAGES.rule_actions_at_most),
  })
  .superRefine((rule, ctx) => {
    const seen = new Set<string>();
    for (const [i, a] of rule.actions.entries()) {
      const kind = ROUTING_ACTIONS.has(a.type) ? "routing" : (a.type as Exclude<RuleActionType, "assign_agent" | "route" | "skip_routing">);
      if (seen.has(kind)) {
        ctx.addIssue({ code: "custom", path: ["actions", i], message: SCHEMA_MESSAGES[`rule_one_${kind}`] });
      }
      seen.add(kind);
    }
    const conditionTypes = new Set<string>();
    for (const [i, c] of rule.conditions.entries()) {
      if (conditionTypes.has(c.type)) ctx.addIssue({ code: "custom", path: ["conditions", i], message: SCHEMA_MESSAGES.rule_condition_repeated });
      conditionTypes.add(c.type);
    }
  });
export type RoutingRuleInput = z.infer<typeof RoutingRuleInputSchema>;

export const RoutingRuleSchema = z.object({
  id: IdSchema,
  name: z.string(),
  enabled: z.boolean(),
  /** 0, 1, 2…: the order rules are evaluated in. */
  position: z.number().int().nonnegative(),
  triggers: z.array(RuleTriggerSchema),
  conditions: z.array(RuleConditionSchema),
  actions: z.array(RuleActionSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
