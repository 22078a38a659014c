/** The conversations behind one figure (GET /api/reports/conversations), each opening the chat in the inbox. */
import type { DrillMetric } from "@inbox/shared/api/reports";
import { createResource, For, onMount, Show } from "solid-js";
import { asApiError } from "../api/http.ts";
import { formatDateTime } from "../format/time.ts";
import { durationWords } from "./format.ts";
import { t } from "./messages.ts";
import { fetchDrill, type ReportQuestion } from "./query.ts";

export function metricWords(metric: DrillMetric): string {
  const [group, name] = metric.split(".") as [string, string];
  const key =
    group === "conversations" ? `s_${name}` : group === "contacts" ? (name === "messagesAwaitingRead" ? "c_awaiting" : `c_${name}`) : group === "times" ? `m_${name}` : group === "messages" ? `x_${name}` : group === "sla" ? (name === "met" ? "slaMet" : "slaBreached") : group === "csat" ? (name === "rated" ? "csatRatings" : "csatAsked") : "a_attended";
  return t(key as Parameters<typeof t>[0]);
}

export function Drill(props: {
  question: ReportQuestion;
  metric: DrillMetric;
  who?: string | null;
  /** One point of the series: its start and how it reads. */
  bucket?: { start: number; label: string } | null;
  /** One band of the metric's distribution: its number and how it reads. */
  band?: { index: number; label: string } | null;
  onOpen: (conversationId: string) => void;
  onClose: () => void;
}) {
  const [answer] = createResource(
    () => ({ q: props.question, m: props.metric, bucket: props.bucket?.start, band: props.band?.index }),
    ({ q, m, bucket, band }) => fetchDrill(q, m, { bucket, band }),
  );
  const isTime = () => props.metric.startsWith("times.");
  const title = () => {
    const of = props.who ?? props.bucket?.label ?? props.band?.label;
    return t("drillTitle", { metric: of ? `${metricWords(props.metric)} (${of})` : metricWords(props.metric) });
  };
  let section!: HTMLElement;
  // The list opens above the figures: bring it into view.
  onMount(() => section.scrollIntoView?.({ block: "nearest" }));
  return (
    <section ref={section} class="reports-drill" aria-label={title()}>
      <div class="reports-drill-head">
        <h2>{title()}</h2>
        <button type="button" class="btn btn-ghost" onClick={() => props.onClose()}>
          {t("drillClose")}
        </button>
      </div>
      <Show when={!answer.error} fallback={<p role="alert">{asApiError(answer.error).message}</p>}>
        <Show when={answer()} fallback={<p role="status">{t("drillLoading")}</p>}>
          {(a) => (
            <>
              <p>{t("drillCount", { count: a().count })}</p>
              <Show when={a().truncated}>
                <p>{t("drillTruncated", { shown: a().rows.length, count: a().count })}</p>
              </Show>
              <Show when={a().rows.length > 0} fallback={<p>{t("drillNone")}</p>}>
                <ul class="reports-drill-rows">
                  <For each={a().rows}>
                    {(row) => (
                      <li>
                        <button type="button" class="reports-drill-row" data-conversation={row.conversationId} aria-label={t("openChat", { name: row.contactName })} onClick={() => props.onOpen(row.conversationId)}>
                          <strong>{row.contactName}</strong>
                          <span>{formatDateTime(row.at)}</span>
                          <span>
                            {t("attributedTo")}: {row.agentName ?? t("nobody")}
                          </span>
                          <Show when={row.value !== null}>
                            <span class="reports-drill-value">{isTime() ? durationWords(row.value) : row.value}</span>
                          </Show>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
