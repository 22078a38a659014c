/** Strings of the SLA countdown (list rows, conversation header). */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    minutesLeft: "{n} min left",
    hoursLeft: "{h} h {m} min left",
    lessThanMinuteLeft: "<1 min left",
    breachedJustNow: "breached just now",
    breachedMinutesAgo: "breached {n} min ago",
    breachedHoursAgo: "breached {h} h ago",
    breached: "SLA breached",
    atRisk: "SLA at risk",
    paused: "SLA paused",
    pausedLeft: "paused, {time} left",
    first_response: "First response",
    next_response: "Next response",
    resolution: "Resolution",
    due: "{target} due {time}",
  },
  {
    minutesLeft: "faltam {n} min",
    hoursLeft: "faltam {h} h {m} min",
    lessThanMinuteLeft: "falta <1 min",
    breachedJustNow: "violado agora",
    breachedMinutesAgo: "violado há {n} min",
    breachedHoursAgo: "violado há {h} h",
    breached: "SLA violado",
    atRisk: "SLA em risco",
    paused: "SLA pausado",
    pausedLeft: "pausado, restam {time}",
    first_response: "Primeira resposta",
    next_response: "Próxima resposta",
    resolution: "Resolução",
    due: "{target} até {time}",
  },
);
