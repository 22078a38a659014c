/**
 * Why routing (or a routing rule) gave a chat to someone, in the reader's language, from the
 * facts the event records beside its English `why` (mode, load, capacity, priority, VIP, the
 * agent chosen before, the pickup timeout). Events recorded before those facts were kept fall
 * back to the server's sentence.
 */
import { defineMessages } from "../../i18n/define-messages.ts";

const t = defineMessages(
  {
    roundRobinAfter: "Round robin: offered to {to}, next in turn after {previous} ({load} of {capacity} chats open).",
    roundRobinFirst: "Round robin: offered to {to}, first in turn ({load} of {capacity} chats open).",
    leastLoaded: "Least loaded: offered to {to}, who had the fewest open chats ({load} of {capacity}).",
    urgentVip: "Urgent VIP chat: handed out first.",
    urgent: "Urgent chat: handed out first.",
    vip: "VIP customer: handed out before other chats.",
    wentAway: "{from} went away before picking it up.",
    wentOffline: "{from} went offline before picking it up.",
    notPickedUpWithin: "{from} did not pick it up within {time}.",
    notPickedUp: "{from} did not pick it up in time.",
    routingOff: "Routing is off for this inbox, so it waits unassigned.",
    nobodyFree: "Nobody else available has room, so it waits in the queue.",
    rule: "The rule “{rule}” assigns it to {to}.",
    oneMinute: "1 minute",
    minutes: "{n} minutes",
    seconds: "{n} seconds",
  },
  {
    roundRobinAfter: "Rodízio: oferecida a {to}, a vez seguinte depois de {previous} ({load} de {capacity} conversas abertas).",
    roundRobinFirst: "Rodízio: oferecida a {to}, a primeira da vez ({load} de {capacity} conversas abertas).",
    leastLoaded: "Menos ocupado: oferecida a {to}, que tinha menos conversas abertas ({load} de {capacity}).",
    urgentVip: "Conversa urgente de cliente VIP: distribuída primeiro.",
    urgent: "Conversa urgente: distribuída primeiro.",
    vip: "Cliente VIP: distribuída antes das outras conversas.",
    wentAway: "{from} ficou ausente antes de pegá-la.",
    wentOffline: "{from} ficou offline antes de pegá-la.",
    notPickedUpWithin: "{from} não a pegou em {time}.",
    notPickedUp: "{from} não a pegou a tempo.",
    routingOff: "O roteamento está desligado nesta caixa de entrada, então ela espera sem atribuição.",
    nobodyFree: "Ninguém mais disponível tem espaço, então ela espera na fila.",
    rule: "A regra “{rule}” a atribui a {to}.",
    oneMinute: "1 minuto",
    minutes: "{n} minutos",
    seconds: "{n} segundos",
  },
);

type Data = Readonly<Record<string, unknown>>;
type Person = (userId: unknown) => string;

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

export function waitWords(s: number): string {
  if (s % 60 === 0) return s === 60 ? t("oneMinute") : t("minutes", { n: s / 60 });
  return t("seconds", { n: s });
}

function takenBack(d: Data, person: Person): string | null {
  if (d.reason !== "reroute") return null;
  const from = person(d.from);
  if (d.rerouteReason === "agent_away") return t("wentAway", { from });
  if (d.rerouteReason === "agent_offline") return t("wentOffline", { from });
  const timeout = num(d.pickupTimeoutSeconds);
  return timeout ? t("notPickedUpWithin", { from, time: waitWords(timeout) }) : t("notPickedUp", { from });
}

function queueNote(d: Data): string | null {
  if (d.priority === "urgent") return d.vip === true ? t("urgentVip") : t("urgent");
  return d.vip === true ? t("vip") : null;
}

/** The sentence under a routing or rule assignment line, or null when there is none to show. */
export function routingWhy(d: Data, person: Person, nameOf: (userId: string) => string | undefined): string | null {
  const serverWords = str(d.why);
  if (d.reason === "rule") {
    const rule = str(d.ruleName);
    return rule && str(d.to) ? t("rule", { rule, to: person(d.to) }) : serverWords;
  }
  // Recorded before the facts were kept: the server's sentence is all there is.
  if (d.reason === "reroute" ? !("pickupTimeoutSeconds" in d) : !("previous" in d)) return serverWords;
  const back = takenBack(d, person);
  const to = str(d.to);
  if (!to) {
    if (!back) return serverWords;
    return `${back} ${d.mode === "manual" ? t("routingOff") : t("nobodyFree")}`;
  }
  const load = num(d.load);
  const capacity = num(d.capacity);
  if (load === null || capacity === null) return serverWords;
  const previousId = str(d.previous);
  const previous = previousId ? nameOf(previousId) : undefined;
  const choice =
    d.mode === "least_loaded"
      ? t("leastLoaded", { to: person(to), load, capacity })
      : previous
        ? t("roundRobinAfter", { to: person(to), previous, load, capacity })
        : t("roundRobinFirst", { to: person(to), load, capacity });
  return [back, choice, queueNote(d)].filter(Boolean).join(" ");
}
