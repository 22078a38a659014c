/** Per-agent figures: chats attended (drilling down to them), reopens, resolved, every time metric, SLA and CSAT. */
import type { ReportResponse } from "@inbox/shared/api/reports";
import { DURATION_METRICS } from "@inbox/shared/domain/reports/index";
import { For, Show } from "solid-js";
import { SlaCsatCells } from "./CsatGroup.tsx";
import { durationWords } from "./format.ts";
import { t } from "./messages.ts";
import type { CsvLinkOf } from "./Tile.tsx";

export function AgentsTable(props: { report: ReportResponse; offline: boolean; csv: CsvLinkOf; onDrillAgent: (agentId: string) => void }) {
  const r = () => props.report;
  const agentName = (id: string) => r().names.agents[id] ?? id;
  const rows = () => Object.entries(r().byAgent).sort((a, b) => agentName(a[0]).localeCompare(agentName(b[0])));
  return (
    <section class="reports-group" aria-label={t("agents")}>
      <h2>{t("agents")}</h2>
      {props.csv("agents", t("agents"))}
      <Show when={rows().length > 0} fallback={<p>{t("noAgents")}</p>}>
        <div class="reports-scroll" tabindex="0">
          <table class="reports-table" data-table="agents">
            <thead>
              <tr>
                <th scope="col">{t("a_agent")}</th>
                <th scope="col">{t("a_attended")}</th>
                <th scope="col">{t("a_reopens")}</th>
                <th scope="col">{t("a_resolved")}</th>
                <For each={DURATION_METRICS}>{(m) => <th scope="col">{t(`m_${m}`)}</th>}</For>
                <Show when={r().totals.sla}>
                  <th scope="col">{t("slaMet")}</th>
                  <th scope="col">{t("slaBreached")}</th>
                </Show>
                <th scope="col">{t("csatColumn")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {([id, a]) => (
                  <tr data-agent={id}>
                    <th scope="row">{agentName(id)}</th>
                    <td>
                      <Show when={!props.offline} fallback={a.chatsAttended}>
                        <button
                          type="button"
                          class="link-button"
                          data-figure="agent.chatsAttended"
                          aria-label={`${a.chatsAttended}: ${t("drillShow", { metric: `${t("a_attended")} (${agentName(id)})` })}`}
                          onClick={() => props.onDrillAgent(id)}
                        >
                          {a.chatsAttended}
                        </button>
                      </Show>
                    </td>
                    <td>{a.reopens}</td>
                    <td>{a.resolved}</td>
                    <For each={DURATION_METRICS}>
                      {(m) => (
                        <td>
                          {durationWords(a.times[m].median) ?? t("none")}
                          <Show when={a.times[m].count > 0}>
                            <span class="reports-sub">
                              {" "}
                              ({t("p90")} {durationWords(a.times[m].p90)}, {t("average")} {durationWords(a.times[m].average)})
                            </span>
                          </Show>
                        </td>
                      )}
                    </For>
                    <SlaCsatCells sla={r().totals.sla !== null} row={a} />
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
