/** Routing rules as admins read, write and test them (`/api/admin/routing-rules`, issue 13). */
import { z } from "zod";
import { PrioritySchema } from "../domain/conversation.ts";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { ChannelTypeSchema } from "../domain/inbox.ts";
import { RoleSchema } from "../domain/user.ts";
import { RoutingRuleInputSchema, RoutingRuleSchema, RuleActionSchema, RuleLabelSchema, RuleRoutingModeSchema, RuleTriggerSchema } from "../domain/routing-rules.ts";
import { SCHEMA_MESSAGES } from "./schema-messages.ts";

/** What the rule editor offers to pick from, so one request fills every select. */
export const RuleChoicesSchema = z.object({
  inboxes: z.array(z.object({ id: IdSchema, name: z.string(), channel: ChannelTypeSchema, teamId: IdSchema })),
  teams: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** Active people who can hold chats. */
  agents: z.array(z.object({ id: IdSchema, name: z.string(), role: RoleSchema, teamIds: z.array(IdSchema) })),
  canned: z.array(z.object({ id: IdSchema, shortcut: z.string(), title: z.string() })),
});
export type RuleChoices = z.infer<typeof RuleChoicesSchema>;

export const RoutingRulesResponseSchema = z.object({ rules: z.array(RoutingRuleSchema), choices: RuleChoicesSchema });
export type RoutingRulesResponse = z.infer<typeof RoutingRulesResponseSchema>;

export const RoutingRuleResponseSchema = z.object({ rule: RoutingRuleSchema });

/** The whole order, every rule of the workspace once. */
export const RuleOrderRequestSchema = z.object({
  ids: z
    .array(IdSchema)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { message: SCHEMA_MESSAGES.rule_named_twice }),
});
export const RuleEnabledRequestSchema = z.object({ enabled: z.boolean() });

/** A made-up customer message to try the rules on; nothing is stored or sent. */
export const RuleSampleSchema = z.object({
  trigger: RuleTriggerSchema.default("conversation_created"),
  channel: ChannelTypeSchema,
  inboxId: IdSchema,
  text: z.string().max(4000),
  contact: z
    .object({
      vip: z.boolean().default(false),
      company: z.string().trim().max(200).nullable().default(null),
      language: z.string().trim().max(20).nullable().default(null),
    })
    .default({ vip: false, company: null, language: null }),
  priority: PrioritySchema.default("normal"),
  labels: z.array(RuleLabelSchema).max(30).default([]),
  /** When the message arrives (business hours); default: now. */
  at: TimestampSchema.optional(),
});
export type RuleSample = z.input<typeof RuleSampleSchema>;

export const RuleTestRequestSchema = z.object({
  sample: RuleSampleSchema,
  /** A rule being edited, tried in place of its saved version (id null: a new rule, tried last). */
  draft: z.object({ id: IdSchema.nullable(), rule: RoutingRuleInputSchema }).optional(),
});
export type RuleTestRequest = z.input<typeof RuleTestRequestSchema>;

export const RuleTestResponseSchema = z.object({
  fired: z.array(z.object({ ruleId: z.string(), name: z.string(), actions: z.array(RuleActionSchema) })),
  effects: z.object({
    teamId: IdSchema.optional(),
    priority: PrioritySchema.optional(),
    labels: z.array(z.string()),
    routing: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("assign"), userId: IdSchema }),
        z.object({ kind: z.literal("mode"), mode: RuleRoutingModeSchema }),
        z.object({ kind: z.literal("skip") }),
      ])
      .optional(),
    cannedId: IdSchema.optional(),
  }),
  /** Whether the sample's time is within the workspace's business hours. */
  withinBusinessHours: z.boolean(),
});
export type RuleTestResponse = z.infer<typeof RuleTestResponseSchema>;
