import { slaStateAt, type SlaLiveState, type SlaSummary } from "@inbox/shared";
import { t } from "./messages.ts";

const MIN = 60_000;

function left(ms: number): string {
  if (ms < MIN) return t("lessThanMinuteLeft");
  const total = Math.floor(ms / MIN);
  return total < 60 ? t("minutesLeft", { n: total }) : t("hoursLeft", { h: Math.floor(total / 60), m: total % 60 });
}

function duration(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / MIN));
  return total < 60 ? `${total} min` : `${Math.floor(total / 60)} h ${total % 60} min`;
}

/** The countdown's state and words at `now`: "12 min left", "breached 3 min ago", "paused, 20 min left". */
export function slaWords(sla: SlaSummary, now: number): { state: SlaLiveState; text: string; label: string } {
  const state = slaStateAt(sla, now);
  const label = state === "breached" ? t("breached") : state === "at_risk" ? t("atRisk") : state === "paused" ? t("paused") : t(sla.target);
  if (state === "paused") return { state, label, text: t("pausedLeft", { time: duration(Math.max(0, sla.remainingMs)) }) };
  if (sla.dueAt === null) return { state, label, text: label };
  if (state === "breached") {
    const ago = now - sla.dueAt;
    const text = ago < MIN ? t("breachedJustNow") : ago < 60 * MIN ? t("breachedMinutesAgo", { n: Math.floor(ago / MIN) }) : t("breachedHoursAgo", { h: Math.floor(ago / (60 * MIN)) });
    return { state, label, text };
  }
  return { state, label, text: left(sla.dueAt - now) };
}
