import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n/locale.ts";
import type { RuleChoices } from "@inbox/shared/api/routing-rules";
import type { RoutingRule } from "@inbox/shared/domain/routing-rules";
import { EMPTY_RULE, inputFromDraft, moved, newAction, newCondition, ruleDraft, type RuleDraft } from "./rule-drafts.ts";
import { problemText } from "./messages.ts";
import { actionsWords, conditionsWords, effectsWords } from "./rule-words.ts";

afterEach(() => setLocale("en"));

const choices: RuleChoices = {
  inboxes: [{ id: "i1", name: "Website chat", channel: "webchat", teamId: "t1" }],
  teams: [{ id: "t-billing", name: "Billing" }],
  agents: [{ id: "u1", name: "Ana Souza", role: "agent", teamIds: ["t1"] }],
  canned: [{ id: "c1", shortcut: "refund", title: "Refund policy" }],
};

const refund: RoutingRule = {
  id: "r1",
  name: "Refunds",
  enabled: true,
  position: 0,
  triggers: ["conversation_created"],
  conditions: [
    { type: "text_contains", values: ["refund", "reembolso"] },
    { type: "contact_vip", vip: true },
  ],
  actions: [
    { type: "set_team", teamId: "t-billing" },
    { type: "set_priority", priority: "urgent" },
    { type: "add_labels", labels: ["money"] },
  ],
  createdAt: 0,
  updatedAt: 0,
};

describe("rule drafts", () => {
  it("round-trips a saved rule through the editor's draft", () => {
    const r = inputFromDraft(ruleDraft(refund));
    expect(r).toEqual({ ok: true, value: { name: "Refunds", enabled: true, triggers: ["conversation_created"], conditions: refund.conditions, actions: refund.actions } });
  });

  it("round-trips the insight conditions, and words them in the list", () => {
    const rule: RoutingRule = {
      ...refund,
      conditions: [
        { type: "urgency", high: true },
        { type: "sentiment", values: ["negative", "neutral"] },
      ],
    };
    expect(inputFromDraft(ruleDraft(rule))).toMatchObject({ ok: true, value: { conditions: rule.conditions } });
    expect(conditionsWords(rule.conditions, choices)).toBe("message is urgent and Message sentiment is negative or neutral");
    const fresh = newCondition("urgency");
    expect(inputFromDraft({ ...EMPTY_RULE, name: "x", conditions: [{ ...fresh, flag: false }], actions: [newAction("stop")] })).toMatchObject({ ok: true, value: { conditions: [{ type: "urgency", high: false }] } });
  });

  it("takes words one per line, trimmed, and says in words what is missing", () => {
    const d: RuleDraft = structuredClone(EMPTY_RULE);
    d.onCreated = false;
    d.conditions = [{ ...newCondition("text_contains"), lines: " refund \n\n chargeback " }, newCondition("channel")];
    d.actions = [newAction("set_team")];
    const r = inputFromDraft(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map(problemText)).toEqual([
        "Give the rule a name.",
        "Choose when the rule runs.",
        "Condition 2 needs at least one value.",
        "Action 1 needs a choice.",
      ]);
    }
    d.name = "Refunds";
    d.onMessage = true;
    d.conditions[1]!.values = ["whatsapp"];
    d.actions[0]!.value = "t-billing";
    const ok = inputFromDraft(d);
    expect(ok.ok && ok.value.conditions[0]).toEqual({ type: "text_contains", values: ["refund", "chargeback"] });
  });

  it("refuses an unsafe pattern before sending it, in the UI's words", () => {
    const d: RuleDraft = { ...structuredClone(EMPTY_RULE), name: "Orders", actions: [newAction("stop")], conditions: [{ ...newCondition("text_matches"), lines: "order \\d+\n(a+)+$" }] };
    const r = inputFromDraft(d);
    expect(!r.ok && r.problems.map(problemText)).toEqual(["Condition 1: “(a+)+$” repeats something that already repeats, which can take very long on some messages. Simplify it."]);
  });

  it("passes on what only the schema knows (two ways to route) as the schema says it", () => {
    const d: RuleDraft = { ...structuredClone(EMPTY_RULE), name: "Two", actions: [newAction("skip_routing"), newAction("route")] };
    const r = inputFromDraft(d);
    expect(!r.ok && r.problems.map(problemText)[0]).toMatch(/only one way to route/);
    setLocale("pt-BR");
    const pt = inputFromDraft(d);
    expect(!pt.ok && pt.problems.map(problemText)[0]).toBe(
      "Uma regra pode ter só uma forma de rotear a conversa (atribuir a alguém, rotear por um modo ou pular o roteamento automático).",
    );
  });

  it("says which list a limit the schema knows is about, in the user's language", () => {
    setLocale("pt-BR");
    const d: RuleDraft = { ...structuredClone(EMPTY_RULE), name: "Many", actions: Array.from({ length: 13 }, () => newAction("stop")) };
    const r = inputFromDraft(d);
    expect(!r.ok && r.problems.map(problemText)[0]).toBe("ações: pode ter no máximo 12 ações");
  });

  it("moves a rule up and down, and not past the ends", () => {
    expect(moved(["a", "b", "c"], "c", -1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], "a", 1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], "a", -1)).toEqual(["a", "b", "c"]);
  });
});

describe("rules in words", () => {
  it("says when and then for the list, and the test's outcome", () => {
    expect(conditionsWords(refund.conditions, choices)).toBe("Message contains any of “refund” or “reembolso” and is a VIP");
    expect(conditionsWords([], choices)).toBe("any message");
    expect(actionsWords(refund.actions, choices)).toBe("team Billing, priority Urgent, labels money");
    expect(actionsWords([{ type: "send_canned", cannedId: "c1" }, { type: "assign_agent", userId: "gone" }], choices)).toBe("reply /refund, assign to (removed)");
    expect(effectsWords({ teamId: "t-billing", priority: "urgent", labels: [] }, choices)).toBe("team Billing, priority Urgent");
    expect(effectsWords({ labels: [] }, choices)).toBeNull();
  });
});
