import { describe, expect, it } from "vitest";
import type { DomainEvent } from "@inbox/shared";
import { afterEach } from "vitest";
import { setLocale } from "../../i18n/locale.ts";
import { eventLine, formatWait } from "./event-lines.ts";

const names: Record<string, string> = { ana: "Ana Souza", bruno: "Bruno Lima" };
const nameOf = (id: string) => names[id];

function event(type: DomainEvent["type"], data: Record<string, unknown>, actor: Partial<DomainEvent> = {}): DomainEvent {
  return { id: "e1", workspaceId: "w", type, conversationId: "c", actorKind: "agent", actorId: "ana", data, at: 1, ...actor };
}

describe("history events in the timeline", () => {
  it("says who routing chose and why, in the server's words", () => {
    const line = eventLine(
      event("conversation.assigned", { from: null, to: "bruno", reason: "routing", why: "Least loaded: offered to Bruno Lima, who had the fewest open chats (0 of 3)." }, { actorKind: "system", actorId: null }),
      nameOf,
    );
    expect(line).toEqual({ text: "Assigned to Bruno Lima by routing", detail: "Least loaded: offered to Bruno Lima, who had the fewest open chats (0 of 3).", tone: "assign" });
  });

  describe("routing's reasons, worded from the event's facts in the reader's language", () => {
    afterEach(() => setLocale("en"));
    const routed = (data: Record<string, unknown>) => eventLine(event("conversation.assigned", data, { actorKind: "system", actorId: null }), nameOf)?.detail;
    const offer = { from: null, to: "bruno", reason: "routing", mode: "round_robin", load: 1, capacity: 5, priority: "normal", vip: false, previous: "ana", why: "English" };

    it("round robin names who came before; least loaded says the load; urgency and VIP say why first", () => {
      expect(routed(offer)).toBe("Round robin: offered to Bruno Lima, next in turn after Ana Souza (1 of 5 chats open).");
      expect(routed({ ...offer, previous: null })).toBe("Round robin: offered to Bruno Lima, first in turn (1 of 5 chats open).");
      expect(routed({ ...offer, mode: "least_loaded", priority: "urgent", vip: true })).toBe(
        "Least loaded: offered to Bruno Lima, who had the fewest open chats (1 of 5). Urgent VIP chat: handed out first.",
      );
      setLocale("pt-BR");
      expect(routed(offer)).toBe("Rodízio: oferecida a Bruno Lima, a vez seguinte depois de Ana Souza (1 de 5 conversas abertas).");
      expect(routed({ ...offer, vip: true })).toMatch(/Cliente VIP: distribuída antes das outras conversas\.$/);
    });

    it("a chat taken back says from whom and why, then where it went", () => {
      const reroute = { ...offer, reason: "reroute", from: "ana", rerouteReason: "not_picked_up", pickupTimeoutSeconds: 120, previous: null };
      expect(routed(reroute)).toBe("Ana Souza did not pick it up within 2 minutes. Round robin: offered to Bruno Lima, first in turn (1 of 5 chats open).");
      const back = { from: "ana", to: null, reason: "reroute", rerouteReason: "agent_away", mode: "least_loaded", load: null, capacity: null, pickupTimeoutSeconds: null, why: "English" };
      setLocale("pt-BR");
      expect(routed(back)).toBe("Ana Souza ficou ausente antes de pegá-la. Ninguém mais disponível tem espaço, então ela espera na fila.");
      expect(routed({ ...back, rerouteReason: "not_picked_up", pickupTimeoutSeconds: 45, mode: "manual" })).toBe(
        "Ana Souza não a pegou em 45 segundos. O roteamento está desligado nesta caixa de entrada, então ela espera sem atribuição.",
      );
    });

    it("a rule's assignment names the rule; events from before the facts were kept keep the server's sentence", () => {
      setLocale("pt-BR");
      expect(routed({ from: null, to: "bruno", reason: "rule", ruleName: "Fraude", why: "The rule “Fraude” assigns it to Bruno Lima." })).toBe("A regra “Fraude” a atribui a Bruno Lima.");
      expect(routed({ from: null, to: "bruno", reason: "routing", mode: "round_robin", load: 0, capacity: 3, why: "Round robin: offered to Bruno Lima, first in turn (0 of 3 chats open)." })).toBe(
        "Round robin: offered to Bruno Lima, first in turn (0 of 3 chats open).",
      );
    });
  });

  it("tells a manual assignment, taking a chat, unassigning and taking it by replying apart", () => {
    expect(eventLine(event("conversation.assigned", { from: null, to: "bruno", reason: "manual" }), nameOf)?.text).toBe("Ana Souza assigned the chat to Bruno Lima");
    expect(eventLine(event("conversation.assigned", { from: null, to: "ana", reason: "manual" }), nameOf)?.text).toBe("Ana Souza took the chat");
    expect(eventLine(event("conversation.assigned", { from: "ana", to: null, reason: "manual" }), nameOf)?.text).toBe("Ana Souza unassigned the chat");
    expect(eventLine(event("conversation.assigned", { from: null, to: "ana", reason: "replied" }), nameOf)?.text).toBe("Ana Souza took the chat by replying");
  });

  it("shows pickups with the wait, status changes, priority and label changes", () => {
    expect(eventLine(event("conversation.picked_up", { waitedMs: 95_000 }), nameOf)?.text).toBe("Ana Souza picked up the chat after 2 min");
    expect(eventLine(event("conversation.status_changed", { from: "open", to: "resolved" }), nameOf)?.text).toBe("Ana Souza resolved the chat");
    expect(eventLine(event("conversation.status_changed", { from: "resolved", to: "open", reason: "customer_wrote" }, { actorKind: "customer" }), nameOf)?.text).toBe(
      "Reopened: the customer wrote again",
    );
    expect(eventLine(event("conversation.priority_changed", { from: "normal", to: "urgent" }), nameOf)?.text).toBe("Ana Souza set the priority to Urgent");
    expect(eventLine(event("conversation.labels_changed", { from: ["billing"], to: ["vip"] }), nameOf)?.text).toBe("Ana Souza changed labels: +vip, −billing");
  });

  it("leaves out what the timeline shows otherwise, and names nobody it does not know", () => {
    expect(eventLine(event("message.received", { messageId: "m" }), nameOf)).toBeNull();
    expect(eventLine(event("conversation.read", { unread: 2 }), nameOf)).toBeNull();
    expect(eventLine(event("conversation.labels_changed", { from: ["a"], to: ["a"] }), nameOf)).toBeNull();
    expect(eventLine(event("message.retried", { messageId: "m" }, { actorId: "gone" }), nameOf)?.text).toBe("Someone sent a failed reply again");
  });

  it("tells a supervisor's interventions, with their reason under the line", () => {
    const teamName = (id: string) => (id === "t2" ? "Sales" : undefined);
    const transfer = eventLine(event("conversation.transferred", { fromTeam: "t1", toTeam: "t2", from: null, why: "Asks about pricing" }), nameOf, teamName);
    expect(transfer).toMatchObject({ text: "Ana Souza transferred the chat to Sales", detail: "Asks about pricing", tone: "supervision" });
    expect(eventLine(event("conversation.assigned", { from: "x", to: null, reason: "transfer" }), nameOf)).toBeNull();
    expect(eventLine(event("conversation.hand_raised", {}), nameOf)?.text).toBe("Ana Souza asked for help");
    expect(eventLine(event("supervisor.joined", {}), nameOf)?.text).toBe("Ana Souza joined the chat");
  });

  it("formats waits for people", () => {
    expect([formatWait(4_000), formatWait(60_000), formatWait(3 * 3600_000)]).toEqual(["4 s", "1 min", "3 h"]);
  });

  it("shows the SLA keeper's alerts with their target", () => {
    const system = { actorKind: "system" as const, actorId: null };
    expect(eventLine(event("sla.at_risk", { target: "first_response", cycleStart: 1, dueAt: 2, policyId: "p" }, system), nameOf)).toEqual({ text: "First response SLA at risk", detail: null, tone: "sla" });
    expect(eventLine(event("sla.breached", { target: "resolution", cycleStart: 1, dueAt: 2, policyId: "p" }, system), nameOf)?.text).toBe("Resolution SLA breached");
  });
});

describe("routing rules in the history", () => {
  const rule = (data: Record<string, unknown>) => event("routing.rule_fired", data, { actorKind: "system", actorId: null });

  it("says which rule fired and what it set, with the names kept in the event", () => {
    const line = eventLine(
      rule({
        ruleId: "r1",
        name: "Refunds",
        actions: [{ type: "set_team", teamId: "t-billing" }, { type: "set_priority", priority: "urgent" }, { type: "add_labels", labels: ["refund"] }, { type: "stop" }],
        names: { "t-billing": "Billing" },
      }),
      nameOf,
    );
    expect(line).toEqual({ text: "Rule “Refunds” set team Billing, priority urgent, labels refund", detail: null, tone: "assign" });
    expect(eventLine(rule({ name: "Ana's", actions: [{ type: "assign_agent", userId: "ana" }, { type: "send_canned", cannedId: "c1" }], names: { c1: "/hours" } }), nameOf)?.text).toBe(
      "Rule “Ana's” set assignee Ana Souza, the automatic reply /hours",
    );
    expect(eventLine(rule({ name: "Quiet", actions: [{ type: "stop" }] }), nameOf)?.text).toBe("Rule “Quiet” fired");
  });

  it("tells a rule's assignment and a rule's move apart from routing's", () => {
    expect(eventLine(event("conversation.assigned", { from: null, to: "bruno", reason: "rule", why: "The rule “B” assigns it to Bruno Lima." }, { actorKind: "system", actorId: null }), nameOf)).toEqual({
      text: "Assigned to Bruno Lima by a routing rule",
      detail: "The rule “B” assigns it to Bruno Lima.",
      tone: "assign",
    });
    expect(eventLine(event("conversation.assigned", { from: "ana", to: null, reason: "rule" }, { actorKind: "system", actorId: null }), nameOf)?.text).toMatch(/a routing rule moved the chat/);
  });
});

describe("satisfaction ratings (CSAT) in the timeline", () => {
  const customer = { actorKind: "customer" as const, actorId: "contact1" };
  it("says the question was sent and what the customer rated, with their comment as plain text", () => {
    expect(eventLine(event("csat.requested", { messageId: "m1", inboxId: "i1", agentId: "ana" }, { actorKind: "system", actorId: null }), nameOf)?.text).toBe(
      "Asked the customer to rate the chat",
    );
    expect(eventLine(event("csat.rated", { rating: 4, comment: "quick and kind" }, customer), nameOf)).toEqual({
      text: "Rated 4 of 5 · “quick and kind”",
      detail: null,
      tone: "csat",
    });
    expect(eventLine(event("csat.rated", { rating: 2, comment: null }, customer), nameOf)?.text).toBe("Rated 2 of 5");
    expect(eventLine(event("csat.rated", { rating: 5, comment: "<b>{rating}</b>" }, customer), nameOf)?.text).toBe("Rated 5 of 5 · “<b>{rating}</b>”");
    expect(eventLine(event("csat.rated", { rating: 9 }, customer), nameOf)).toBeNull();
  });
});
