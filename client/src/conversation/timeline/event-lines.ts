/**
 * A conversation's recorded changes (GET /api/conversations/:id/events) as lines in the
 * timeline: who assigned, picked up, changed status, priority or labels, and why routing chose
 * an agent. Events the timeline already shows another way (messages, their delivery, notes,
 * reads) are left out.
 */
import { PrioritySchema, SlaTargetSchema, type DomainEvent } from "@inbox/shared";
import { priorityWord } from "../../format/status-words.ts";
import { formatDateTime } from "../../format/time.ts";
import { t } from "./messages.ts";
import { ruleFiredText } from "./rule-fired-line.ts";
import { routingWhy } from "./routing-why-words.ts";

export type EventTone = "assign" | "pickup" | "status" | "priority" | "labels" | "retry" | "supervision" | "sla" | "csat";

export interface EventLine {
  text: string;
  /** The server's sentence on why (routing decisions), shown under the line. */
  detail: string | null;
  tone: EventTone;
}

type NameOf = (userId: string) => string | undefined;

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** "45 s", "3 min", "2 h": how long a chat waited before pickup. */
export function formatWait(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.round(m / 60)} h`;
}

function priorityName(p: unknown): string {
  const known = PrioritySchema.safeParse(p);
  return known.success ? priorityWord(known.data) : String(p);
}

/** The line for one event, or null for events the timeline does not show. */
export function eventLine(e: DomainEvent, nameOf: NameOf, teamName?: (teamId: string) => string | undefined): EventLine | null {
  const person = (id: unknown) => (str(id) ? (nameOf(id as string) ?? t("someone")) : t("someone"));
  const actor = e.actorKind === "customer" ? t("customer") : person(e.actorId);
  const d = e.data;
  switch (e.type) {
    case "conversation.assigned": {
      const to = str(d.to);
      const why = str(d.why);
      // A transfer ends the assignment; its own line says so.
      if (d.reason === "transfer") return null;
      if (d.reason === "rule") return { text: to ? t("assignedByRule", { to: person(to) }) : t("movedByRule"), detail: routingWhy(d, person, nameOf), tone: "assign" };
      if (d.reason === "routing" || (e.actorKind === "system" && why)) {
        return { text: to ? t("assignedByRouting", { to: person(to) }) : t("backToQueue"), detail: routingWhy(d, person, nameOf), tone: "assign" };
      }
      if (d.reason === "replied" && to) return { text: t("tookByReplying", { to: person(to) }), detail: null, tone: "assign" };
      if (!to) return { text: t("unassignedBy", { actor }), detail: why, tone: "assign" };
      if (e.actorKind === "agent" && e.actorId === to) return { text: t("tookChat", { actor }), detail: why, tone: "assign" };
      if (e.actorKind === "agent") return { text: t("assignedBy", { actor, to: person(to) }), detail: why, tone: "assign" };
      return { text: t("assignedTo", { to: person(to) }), detail: why, tone: "assign" };
    }
    case "conversation.picked_up": {
      const waited = typeof d.waitedMs === "number" ? d.waitedMs : null;
      return {
        text: waited !== null ? t("pickedUpAfter", { actor, wait: formatWait(waited) }) : t("pickedUp", { actor }),
        detail: null,
        tone: "pickup",
      };
    }
    case "conversation.status_changed": {
      if (d.reason === "customer_wrote") return { text: t("reopenedByCustomer"), detail: null, tone: "status" };
      switch (d.to) {
        case "resolved":
          return { text: t("resolvedBy", { actor }), detail: null, tone: "status" };
        case "open":
          return { text: t("reopenedBy", { actor }), detail: null, tone: "status" };
        case "pending":
          return { text: t("pendingBy", { actor }), detail: null, tone: "status" };
        case "snoozed":
          return {
            text: t("snoozedBy", { actor, until: typeof d.until === "number" ? formatDateTime(d.until) : "…" }),
            detail: null,
            tone: "status",
          };
        default:
          return null;
      }
    }
    case "conversation.woke":
      return { text: t("snoozeEnded"), detail: null, tone: "status" };
    case "conversation.priority_changed":
      return { text: t("priorityBy", { actor, priority: priorityName(d.to) }), detail: null, tone: "priority" };
    case "conversation.labels_changed": {
      const from = new Set(strings(d.from));
      const to = new Set(strings(d.to));
      const changes = [...[...to].filter((l) => !from.has(l)).map((l) => `+${l}`), ...[...from].filter((l) => !to.has(l)).map((l) => `−${l}`)];
      return changes.length ? { text: t("labelsBy", { actor, changes: changes.join(", ") }), detail: null, tone: "labels" } : null;
    }
    case "message.retried":
      return { text: t("retriedBy", { actor }), detail: null, tone: "retry" };
    // The visitor had left the chat and their address: the reply went to them by email too.
    case "message.emailed":
      return { text: t("replyEmailed"), detail: null, tone: "retry" };
    // Supervision (issue 12): the supervisor's reason shows under the line.
    case "conversation.transferred":
      return { text: t("transferredBy", { actor, team: teamName?.(str(d.toTeam) ?? "") ?? t("anotherTeam") }), detail: str(d.why), tone: "supervision" };
    case "conversation.hand_raised":
      return { text: t("handRaisedBy", { actor }), detail: null, tone: "supervision" };
    case "conversation.hand_lowered":
      return { text: t("handLoweredBy", { actor }), detail: null, tone: "supervision" };
    case "supervisor.joined":
      return { text: t("joinedBy", { actor }), detail: null, tone: "supervision" };
    case "supervisor.whispered":
      return { text: t("whisperedBy", { actor, to: person(d.to) }), detail: null, tone: "supervision" };
    // SLAs: the keeper's alerts, once per target and cycle.
    // Routing rules (issue 13): every rule that fired, with what it set.
    case "routing.rule_fired":
      return { text: ruleFiredText(e, nameOf, teamName), detail: null, tone: "assign" };
    case "sla.at_risk":
    case "sla.breached": {
      const target = SlaTargetSchema.safeParse(d.target);
      const name = t(target.success ? `slaTarget_${target.data}` : "slaTarget_unknown");
      return { text: t(e.type === "sla.at_risk" ? "slaAtRiskLine" : "slaBreachedLine", { target: name }), detail: null, tone: "sla" };
    }
    // CSAT (issue 14): the question sent on resolving, and the customer's rating with their comment (text, never HTML).
    case "csat.requested":
      return { text: t("csatRequested"), detail: null, tone: "csat" };
    case "csat.rated": {
      const rating = typeof d.rating === "number" && Number.isInteger(d.rating) && d.rating >= 1 && d.rating <= 5 ? d.rating : null;
      if (rating === null) return null;
      const comment = str(d.comment)?.trim();
      return { text: comment ? t("csatRatedWithComment", { rating, comment }) : t("csatRated", { rating }), detail: null, tone: "csat" };
    }
    default:
      return null;
  }
}
