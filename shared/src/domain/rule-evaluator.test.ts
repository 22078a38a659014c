import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "./business-hours.ts";
import { CHANNEL_TYPES } from "./inbox.ts";
import { evaluateRules, MAX_LABELS, type RuleFacts } from "./rule-evaluator.ts";
import { RoutingRuleInputSchema, type RoutingRule, type RuleAction, type RuleCondition } from "./routing-rules.ts";

const base: RuleFacts = {
  trigger: "conversation_created",
  channel: "webchat",
  inboxId: "inbox-site",
  text: "Hello, I want a refund for order 1043",
  contact: { vip: false, company: "Acme Ltda", language: null },
  teamId: "team-support",
  priority: "normal",
  labels: [],
  // Tuesday 2026-12-01 12:00 UTC: within the default calendar's hours.
  at: Date.parse("2026-12-01T12:00:00Z"),
  calendar: null,
};

let n = 0;
function rule(over: Partial<RoutingRule> & { actions: RuleAction[] }): RoutingRule {
  n++;
  return { id: `r${n}`, name: `Rule ${n}`, enabled: true, position: n, triggers: ["conversation_created", "customer_message"], conditions: [], createdAt: 0, updatedAt: 0, ...over };
}

describe("evaluateRules: examples", () => {
  it("text contains 'refund' → team Billing, priority urgent", () => {
    const refund = rule({
      name: "Refunds",
      conditions: [{ type: "text_contains", values: ["REFUND", "reembolso"] }],
      actions: [
        { type: "set_team", teamId: "team-billing" },
        { type: "set_priority", priority: "urgent" },
      ],
    });
    const out = evaluateRules([refund], base);
    expect(out.fired).toEqual([{ ruleId: refund.id, name: "Refunds", actions: refund.actions }]);
    expect(out.effects).toEqual({ teamId: "team-billing", priority: "urgent", labels: [] });
    expect(evaluateRules([refund], { ...base, text: "Where is my order?" }).fired).toEqual([]);
    // Accents and case are ignored.
    expect(evaluateRules([refund], { ...base, text: "Quero um REEMBOLSÓ" }).fired).toHaveLength(1);
  });

  it("needs every condition (AND); one condition's values are alternatives (OR)", () => {
    const conditions: RuleCondition[] = [
      { type: "channel", values: ["whatsapp", "webchat"] },
      { type: "contact_vip", vip: true },
    ];
    const r = rule({ conditions, actions: [{ type: "set_priority", priority: "high" }] });
    expect(evaluateRules([r], base).fired).toEqual([]);
    expect(evaluateRules([r], { ...base, contact: { ...base.contact, vip: true } }).fired).toHaveLength(1);
    expect(evaluateRules([r], { ...base, channel: "telegram", contact: { ...base.contact, vip: true } }).fired).toEqual([]);
  });

  it("runs in position order; later rules see earlier ones' changes, and stop ends the run", () => {
    const second = rule({ position: 2, conditions: [{ type: "priority", values: ["urgent"] }], actions: [{ type: "add_labels", labels: ["escalated"] }] });
    const first = rule({ position: 1, actions: [{ type: "set_priority", priority: "urgent" }] });
    expect(evaluateRules([second, first], base).effects).toEqual({ priority: "urgent", labels: ["escalated"] });
    const stopper = rule({ position: 1, actions: [{ type: "set_priority", priority: "urgent" }, { type: "stop" }] });
    const out = evaluateRules([second, stopper], base);
    expect(out.fired.map((f) => f.ruleId)).toEqual([stopper.id]);
    expect(out.effects.labels).toEqual([]);
  });

  it("a later rule's team, priority, routing and reply replace an earlier one's; labels add up without repeats", () => {
    const a = rule({ position: 1, actions: [{ type: "set_team", teamId: "t1" }, { type: "assign_agent", userId: "ana" }, { type: "add_labels", labels: ["a", "b"] }, { type: "send_canned", cannedId: "c1" }] });
    const b = rule({ position: 2, actions: [{ type: "set_team", teamId: "t2" }, { type: "skip_routing" }, { type: "add_labels", labels: ["b", "c"] }, { type: "send_canned", cannedId: "c2" }] });
    expect(evaluateRules([a, b], { ...base, labels: ["c"] }).effects).toEqual({ teamId: "t2", labels: ["a", "b"], routing: { kind: "skip" }, cannedId: "c2" });
  });

  it("skips disabled rules and rules of the other trigger; a new conversation's message is a customer message too", () => {
    const off = rule({ enabled: false, actions: [{ type: "skip_routing" }] });
    const onCreate = rule({ triggers: ["conversation_created"], actions: [{ type: "route", mode: "least_loaded" }] });
    const onMessage = rule({ triggers: ["customer_message"], actions: [{ type: "add_labels", labels: ["seen"] }] });
    expect(evaluateRules([off, onCreate, onMessage], { ...base, trigger: "customer_message" }).fired.map((f) => f.ruleId)).toEqual([onMessage.id]);
    expect(evaluateRules([off, onCreate, onMessage], base).fired.map((f) => f.ruleId)).toEqual([onCreate.id, onMessage.id]);
    expect(evaluateRules([off, onCreate], base).effects.routing).toEqual({ kind: "mode", mode: "least_loaded" });
  });

  it("matches patterns, company, labels, inbox and business hours", () => {
    const fires = (c: RuleCondition, facts: Partial<RuleFacts> = {}) => evaluateRules([rule({ conditions: [c], actions: [{ type: "stop" }] })], { ...base, ...facts }).fired.length === 1;
    expect(fires({ type: "text_matches", values: ["order\\s*#?\\d{4}"] })).toBe(true);
    expect(fires({ type: "text_matches", values: ["^refund"] })).toBe(false);
    expect(fires({ type: "contact_company", values: ["acme ltda"] })).toBe(true);
    expect(fires({ type: "contact_company", values: ["Acme"] })).toBe(false);
    expect(fires({ type: "labels", values: ["vip", "late"] }, { labels: ["late"] })).toBe(true);
    expect(fires({ type: "inbox", values: ["inbox-other"] })).toBe(false);
    expect(fires({ type: "business_hours", within: true })).toBe(true);
    // Saturday.
    expect(fires({ type: "business_hours", within: false }, { at: Date.parse("2026-12-05T12:00:00Z") })).toBe(true);
    // São Paulo's calendar: 12:00 UTC is 09:00 there, open; 11:00 UTC is 08:00, closed.
    const sp = { ...DEFAULT_CALENDAR, timezone: "America/Sao_Paulo" };
    expect(fires({ type: "business_hours", within: true }, { calendar: sp, at: Date.parse("2026-12-01T11:00:00Z") })).toBe(false);
  });

  it("the language condition waits for a recorded language: it never matches while none is known", () => {
    const c: RuleCondition = { type: "contact_language", values: ["pt"] };
    const fires = (language: string | null) => evaluateRules([rule({ conditions: [c], actions: [{ type: "stop" }] })], { ...base, contact: { ...base.contact, language } }).fired.length;
    expect(fires(null)).toBe(0);
    expect(fires("pt-BR")).toBe(1);
    expect(fires("en")).toBe(0);
  });
});

describe("evaluateRules: sentiment and urgency from the local insights", () => {
  const urgentToTop = rule({ name: "Urgent first", conditions: [{ type: "urgency", high: true }], actions: [{ type: "set_priority", priority: "urgent" }] });
  const upset = rule({ name: "Upset", conditions: [{ type: "sentiment", values: ["negative"] }], actions: [{ type: "add_labels", labels: ["upset"] }] });

  it("a fraud report is urgent and negative; a thank-you is neither", () => {
    const fraud = { ...base, text: "Não reconheço essa compra no meu cartão, isso é golpe! 😡" };
    expect(evaluateRules([urgentToTop, upset], fraud).effects).toEqual({ priority: "urgent", labels: ["upset"] });
    expect(evaluateRules([urgentToTop, upset], { ...base, text: "Muito obrigado, resolveu tudo! 😊" }).fired).toEqual([]);
  });

  it("the negation is read: 'não gostei nada do produto' is negative", () => {
    expect(evaluateRules([upset], { ...base, text: "não gostei nada do produto" }).fired.map((f) => f.name)).toEqual(["Upset"]);
  });

  it("'not urgent' matches the rest, and a cancellation alone is not urgent", () => {
    const calm = rule({ conditions: [{ type: "urgency", high: false }], actions: [{ type: "add_labels", labels: ["calm"] }] });
    expect(evaluateRules([calm], { ...base, text: "I would like to cancel my subscription" }).effects.labels).toEqual(["calm"]);
    expect(evaluateRules([calm], { ...base, text: "I was charged twice this month, fix it now" }).fired).toEqual([]);
  });
});

describe("rule schemas refuse in words", () => {
  const valid = { name: "Refunds", triggers: ["conversation_created"], conditions: [], actions: [{ type: "set_priority", priority: "urgent" }] };
  const message = (input: unknown) => {
    const r = RoutingRuleInputSchema.safeParse(input);
    return r.success ? null : r.error.issues.map((i) => i.message).join(" | ");
  };

  it("refuses catastrophic, back-referencing and broken patterns", () => {
    expect(message(valid)).toBeNull();
    const withPattern = (p: string) => message({ ...valid, conditions: [{ type: "text_matches", values: [p] }] });
    expect(withPattern("(a+)+$")).toMatch(/repeats something that already repeats/);
    expect(withPattern("(a|ab)*c")).toMatch(/repeats a group of alternatives/);
    expect(withPattern("(a)\\1")).toMatch(/refers back/);
    expect(withPattern("(unclosed")).toMatch(/is not a valid pattern/);
    expect(withPattern("x".repeat(201))).toMatch(/longer than 200/);
    expect(withPattern("\\border\\s+\\d+")).toBeNull();
    expect(withPattern("(refund|reembolso)")).toBeNull();
    expect(withPattern("\\\\1")).toBeNull();
  });

  it("refuses two ways of routing in one rule and a condition written twice", () => {
    expect(message({ ...valid, actions: [{ type: "skip_routing" }, { type: "assign_agent", userId: "u1" }] })).toMatch(/only one way to route/);
    expect(message({ ...valid, conditions: [{ type: "channel", values: ["webchat"] }, { type: "channel", values: ["line"] }] })).toMatch(/already in the rule/);
    expect(message({ ...valid, triggers: [] })).toMatch(/choose when the rule runs/);
    expect(message({ ...valid, actions: [] })).toMatch(/at least one action/);
  });
});

// ---------- properties ----------

const priorityArb = fc.constantFrom("low" as const, "normal" as const, "high" as const, "urgent" as const);
const labelArb = fc.constantFrom("a", "b", "c", "vip", "late");
const conditionArb: fc.Arbitrary<RuleCondition> = fc.oneof(
  fc.record({ type: fc.constant("channel" as const), values: fc.uniqueArray(fc.constantFrom(...CHANNEL_TYPES), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant("inbox" as const), values: fc.uniqueArray(fc.constantFrom("i1", "i2"), { minLength: 1 }) }),
  fc.record({ type: fc.constant("contact_vip" as const), vip: fc.boolean() }),
  fc.record({ type: fc.constant("labels" as const), values: fc.uniqueArray(labelArb, { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant("text_contains" as const), values: fc.uniqueArray(fc.constantFrom("refund", "order", "hi"), { minLength: 1 }) }),
  fc.record({ type: fc.constant("text_matches" as const), values: fc.constant(["\\d{3}"] as string[]) }),
  fc.record({ type: fc.constant("business_hours" as const), within: fc.boolean() }),
  fc.record({ type: fc.constant("priority" as const), values: fc.uniqueArray(priorityArb, { minLength: 1, maxLength: 2 }) }),
  fc.record({ type: fc.constant("sentiment" as const), values: fc.uniqueArray(fc.constantFrom("negative" as const, "neutral" as const, "positive" as const), { minLength: 1, maxLength: 2 }) }),
  fc.record({ type: fc.constant("urgency" as const), high: fc.boolean() }),
);
const actionArb: fc.Arbitrary<RuleAction> = fc.oneof(
  fc.record({ type: fc.constant("set_team" as const), teamId: fc.constantFrom("t1", "t2") }),
  fc.record({ type: fc.constant("set_priority" as const), priority: priorityArb }),
  fc.record({ type: fc.constant("add_labels" as const), labels: fc.uniqueArray(labelArb, { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant("assign_agent" as const), userId: fc.constantFrom("u1", "u2") }),
  fc.record({ type: fc.constant("skip_routing" as const) }),
  fc.record({ type: fc.constant("send_canned" as const), cannedId: fc.constant("c1") }),
  fc.record({ type: fc.constant("stop" as const) }),
);
const rulesArb = fc
  .array(
    fc.record({
      enabled: fc.boolean(),
      triggers: fc.subarray(["conversation_created", "customer_message"] as const, { minLength: 1 }),
      conditions: fc.array(conditionArb, { maxLength: 3 }),
      actions: fc.array(actionArb, { minLength: 1, maxLength: 4 }),
    }),
    { maxLength: 6 },
  )
  .map((list) => list.map((r, i): RoutingRule => ({ ...r, id: `p${i}`, name: `P${i}`, position: i, triggers: [...r.triggers], createdAt: 0, updatedAt: 0 })));
const factsArb: fc.Arbitrary<RuleFacts> = fc.record({
  trigger: fc.constantFrom("conversation_created" as const, "customer_message" as const),
  channel: fc.constantFrom(...CHANNEL_TYPES),
  inboxId: fc.constantFrom("i1", "i2"),
  text: fc.oneof(fc.string(), fc.constantFrom("refund 123", "my order", "hi there")),
  contact: fc.record({ vip: fc.boolean(), company: fc.constant(null), language: fc.constant(null) }),
  teamId: fc.constantFrom("t1", "t2"),
  priority: priorityArb,
  labels: fc.uniqueArray(labelArb, { maxLength: 3 }),
  at: fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-01-01T00:00:00Z") }),
  calendar: fc.constant(null),
});

describe("evaluateRules: properties", () => {
  it("fires only enabled rules of the trigger, in order, each at most once, and nothing after a stop", () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, facts) => {
        const { fired } = evaluateRules(rules, facts);
        const positions = fired.map((f) => rules.find((r) => r.id === f.ruleId)!.position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(new Set(positions).size).toBe(positions.length);
        for (const f of fired) {
          const r = rules.find((x) => x.id === f.ruleId)!;
          expect(r.enabled && (r.triggers.includes(facts.trigger) || (facts.trigger === "conversation_created" && r.triggers.includes("customer_message")))).toBe(true);
        }
        const stopAt = fired.findIndex((f) => f.actions.some((a) => a.type === "stop"));
        if (stopAt >= 0) expect(stopAt).toBe(fired.length - 1);
      }),
    );
  });

  it("is pure: the same input gives the same answer and is left unchanged", () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, facts) => {
        const before = JSON.stringify([rules, facts]);
        const a = evaluateRules(rules, facts);
        expect(evaluateRules(rules, facts)).toEqual(a);
        expect(JSON.stringify([rules, facts])).toBe(before);
      }),
    );
  });

  it("the effects are those of the fired rules' actions, applied in order", () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, facts) => {
        const { fired, effects } = evaluateRules(rules, facts);
        const actions = fired.flatMap((f) => f.actions);
        const last = <T extends RuleAction["type"]>(type: T) => actions.filter((a): a is Extract<RuleAction, { type: T }> => a.type === type).at(-1);
        const team = last("set_team")?.teamId;
        expect(effects.teamId).toBe(team !== undefined && team !== facts.teamId ? team : undefined);
        const priority = last("set_priority")?.priority;
        expect(effects.priority).toBe(priority !== undefined && priority !== facts.priority ? priority : undefined);
        expect(effects.cannedId).toBe(last("send_canned")?.cannedId);
        // Labels: new ones only, no repeats, within the limit, each from a fired rule.
        const added = new Set(actions.flatMap((a) => (a.type === "add_labels" ? a.labels : [])));
        expect(new Set(effects.labels).size).toBe(effects.labels.length);
        for (const l of effects.labels) expect(added.has(l) && !facts.labels.includes(l)).toBe(true);
        for (const l of added) if (!facts.labels.includes(l)) expect(effects.labels).toContain(l);
        expect(facts.labels.length + effects.labels.length).toBeLessThanOrEqual(MAX_LABELS);
        const routing = actions.filter((a) => a.type === "assign_agent" || a.type === "route" || a.type === "skip_routing").at(-1);
        expect(effects.routing?.kind).toBe(routing === undefined ? undefined : { assign_agent: "assign", route: "mode", skip_routing: "skip" }[routing.type as "assign_agent"]);
      }),
    );
  });

  it("a rule without conditions fires on its trigger unless an earlier rule stopped", () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, facts) => {
        const catchAll: RoutingRule = { id: "zz", name: "Catch all", enabled: true, position: 999, triggers: [facts.trigger], conditions: [], actions: [{ type: "add_labels", labels: ["caught"] }], createdAt: 0, updatedAt: 0 };
        const { fired } = evaluateRules([...rules, catchAll], facts);
        const stopped = fired.some((f) => f.ruleId !== "zz" && f.actions.some((a) => a.type === "stop"));
        expect(fired.some((f) => f.ruleId === "zz")).toBe(!stopped);
      }),
    );
  });

  it("any text is matched by a safe pattern in bounded time", () => {
    const patterns = ["\\d{3}", "(refund|reembolso)", "^[a-z ]+$", "order\\s*#?\\d+"];
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (text) => {
        const started = performance.now();
        evaluateRules([rule({ conditions: [{ type: "text_matches", values: patterns }], actions: [{ type: "stop" }] })], { ...base, text });
        expect(performance.now() - started).toBeLessThan(200);
      }),
      { numRuns: 50 },
    );
  });
});
