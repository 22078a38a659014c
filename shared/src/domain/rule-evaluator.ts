import { analyseSentiment, assessUrgency, detectLanguage, type SentimentLabel } from "../insights/index.ts";
import { DEFAULT_CALENDAR, isBusinessTime, type BusinessCalendar } from "./business-hours.ts";
import type { Priority } from "./conversation.ts";
import type { ChannelType } from "./inbox.ts";
import { compilePattern, MATCH_TEXT_MAX_CHARS } from "./rule-patterns.ts";
import type { RoutingRule, RuleAction, RuleCondition, RuleRoutingMode, RuleTrigger } from "./routing-rules.ts";

/**
 * The routing rules' evaluator: pure, so the server (on every new conversation and customer
 * message) and the admin's "test a message" preview give the same answer.
 *
 * Rules run in `position` order. A rule fires when it is enabled, runs at this trigger and all
 * its conditions match; its actions then apply in order. Later rules see what earlier ones did
 * (a rule that sets priority urgent makes "priority is urgent" true for the rules after it).
 * Team, priority, the routing choice and the automatic reply hold one value: a later rule's
 * replaces an earlier one's (a "stop" action keeps the first). Labels add up.
 */

/** What the rules look at, for one customer message. */
export interface RuleFacts {
  /** "conversation_created" for a conversation's first message, "customer_message" for the others. */
  trigger: RuleTrigger;
  channel: ChannelType;
  inboxId: string;
  text: string;
  contact: {
    vip: boolean;
    company: string | null;
    /** The language the message is written in (detected on the server; null when it says too little). */
    language: string | null;
  };
  /** The conversation as it is before the rules (a new one: its inbox's team, normal, no labels). */
  teamId: string;
  priority: Priority;
  labels: readonly string[];
  /** When the message arrived, for business hours. */
  at: number;
  /** The workspace's calendar; null: the default (Monday to Friday 09:00–18:00 UTC). */
  calendar: BusinessCalendar | null;
}

/** What the insights say of the message, for the sentiment and urgency conditions. */
export interface MessageJudgement {
  sentiment: SentimentLabel;
  urgent: boolean;
}

/** The message judged by the local insights, as the rules read it (its words and the customer's VIP status). */
export function judgeMessage(text: string, vip: boolean): MessageJudgement {
  const language = detectLanguage(text).language;
  const sentiment = analyseSentiment(text, language);
  return { sentiment: sentiment.label, urgent: assessUrgency({ text, language, sentiment, vip }).level === "high" };
}

/** Who gets the chat, as the last rule that said so decided. */
export type RuleRouting = { kind: "assign"; userId: string } | { kind: "mode"; mode: RuleRoutingMode } | { kind: "skip" };

export interface FiredRule {
  ruleId: string;
  name: string;
  actions: RuleAction[];
}

/** What the fired rules add up to; absent fields: no rule changed them. */
export interface RuleEffects {
  teamId?: string;
  priority?: Priority;
  /** Labels to add, in the order rules added them, none the conversation already had. */
  labels: string[];
  routing?: RuleRouting;
  /** The canned response to send as an automatic reply. */
  cannedId?: string;
}

export interface RuleOutcome {
  fired: FiredRule[];
  effects: RuleEffects;
}

/** The most labels a conversation holds (the work room's limit, conversations/work-update-guard.ts). */
export const MAX_LABELS = 30;

export function evaluateRules(rules: readonly RoutingRule[], facts: RuleFacts): RuleOutcome {
  const ordered = [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const state = { teamId: facts.teamId, priority: facts.priority, labels: [...facts.labels] };
  const fired: FiredRule[] = [];
  const effects: RuleEffects = { labels: [] };
  // Judged once, and only when a rule asks: most rule books never look at sentiment or urgency.
  let judged: MessageJudgement | undefined;
  const judgement = () => (judged ??= judgeMessage(facts.text, facts.contact.vip));
  for (const rule of ordered) {
    if (!rule.enabled || !runsOn(rule, facts.trigger)) continue;
    if (!rule.conditions.every((c) => conditionMatches(c, { ...facts, ...state }, judgement))) continue;
    fired.push({ ruleId: rule.id, name: rule.name, actions: rule.actions });
    for (const action of rule.actions) apply(action, state, effects);
    if (rule.actions.some((a) => a.type === "stop")) break;
  }
  if (effects.teamId === facts.teamId) delete effects.teamId;
  if (effects.priority === facts.priority) delete effects.priority;
  return { fired, effects };
}

function apply(action: RuleAction, state: { teamId: string; priority: Priority; labels: string[] }, effects: RuleEffects): void {
  switch (action.type) {
    case "set_team":
      state.teamId = effects.teamId = action.teamId;
      return;
    case "set_priority":
      state.priority = effects.priority = action.priority;
      return;
    case "add_labels":
      for (const label of action.labels) {
        if (state.labels.includes(label) || state.labels.length >= MAX_LABELS) continue;
        state.labels.push(label);
        effects.labels.push(label);
      }
      return;
    case "assign_agent":
      effects.routing = { kind: "assign", userId: action.userId };
      return;
    case "route":
      effects.routing = { kind: "mode", mode: action.mode };
      return;
    case "skip_routing":
      effects.routing = { kind: "skip" };
      return;
    case "send_canned":
      effects.cannedId = action.cannedId;
      return;
    case "stop":
      return;
  }
}

/**
 * Whether a rule runs at this moment. A new conversation starts with a customer message, so
 * "customer_message" rules run on it too; "conversation_created" rules run only on that first one.
 */
export function runsOn(rule: Pick<RoutingRule, "triggers">, trigger: RuleTrigger): boolean {
  return rule.triggers.includes(trigger) || (trigger === "conversation_created" && rule.triggers.includes("customer_message"));
}

export function conditionMatches(
  c: RuleCondition,
  f: Omit<RuleFacts, "labels"> & { labels: readonly string[] },
  judgement: () => MessageJudgement = () => judgeMessage(f.text, f.contact.vip),
): boolean {
  switch (c.type) {
    case "channel":
      return c.values.includes(f.channel);
    case "inbox":
      return c.values.includes(f.inboxId);
    case "contact_vip":
      return f.contact.vip === c.vip;
    case "contact_language": {
      const lang = f.contact.language?.toLowerCase();
      // "pt" matches pt-BR and pt-PT; "pt-BR" only pt-BR.
      return !!lang && c.values.some((v) => lang === v.toLowerCase() || lang.startsWith(`${v.toLowerCase()}-`));
    }
    case "contact_company": {
      const company = f.contact.company ? fold(f.contact.company).trim() : "";
      return company.length > 0 && c.values.some((v) => fold(v).trim() === company);
    }
    case "labels":
      return c.values.some((l) => f.labels.includes(l));
    case "text_contains": {
      const text = fold(f.text);
      return c.values.some((w) => text.includes(fold(w)));
    }
    case "text_matches": {
      const text = f.text.slice(0, MATCH_TEXT_MAX_CHARS);
      return c.values.some((p) => compilePattern(p)?.test(text) ?? false);
    }
    case "business_hours":
      return isBusinessTime(f.calendar ?? DEFAULT_CALENDAR, f.at) === c.within;
    case "priority":
      return c.values.includes(f.priority);
    case "sentiment":
      return c.values.includes(judgement().sentiment);
    case "urgency":
      return judgement().urgent === c.high;
  }
}

/** Case and accents ignored: "Reembolso" contains "reembolsó". */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
