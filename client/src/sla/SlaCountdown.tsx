import type { SlaSummary } from "@inbox/shared";
import { formatDateTime } from "../format/time.ts";
import { t } from "./messages.ts";
import { useSlaClock } from "./sla-clock.ts";
import { slaWords } from "./sla-words.ts";

/**
 * A conversation's SLA countdown: the time left on its most pressing target, turning "at risk"
 * (amber) and "breached" (red), always in words as well as colour. Reads the shared clock, so a
 * tick re-renders the countdowns only.
 */
export function SlaCountdown(props: { sla: SlaSummary }) {
  const now = useSlaClock();
  const words = () => slaWords(props.sla, now());
  const title = () => {
    const base = `${t(props.sla.target)} · ${words().label}`;
    return props.sla.dueAt === null ? base : `${base} · ${t("due", { target: t(props.sla.target), time: formatDateTime(props.sla.dueAt) })}`;
  };
  return (
    <span class="sla-countdown" data-sla-state={words().state} title={title()}>
      <span class="sr-only">{words().label}: </span>
      {words().text}
    </span>
  );
}
