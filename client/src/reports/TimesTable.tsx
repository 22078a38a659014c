/** Every time metric of the period as median, 90th percentile, average and samples; a metric drills down to its conversations. */
import type { ReportResponse } from "@inbox/shared/api/reports";
import { DURATION_METRICS } from "@inbox/shared/domain/reports/index";
import { For, Show } from "solid-js";
import { durationWords } from "./format.ts";
import { t } from "./messages.ts";
import type { DrillControl } from "./Tile.tsx";

export function TimesTable(props: { report: ReportResponse; drill: DrillControl }) {
  return (
    <section class="reports-group" aria-label={t("times")}>
      <h2>{t("times")}</h2>
      <div class="reports-scroll" tabindex="0">
      <table class="reports-table" data-table="times">
        <thead>
          <tr>
            <th scope="col">{t("times")}</th>
            <th scope="col">{t("median")}</th>
            <th scope="col">{t("p90")}</th>
            <th scope="col">{t("average")}</th>
            <th scope="col">{t("samples")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={DURATION_METRICS}>
            {(m) => {
              const stat = () => props.report.totals.times[m];
              return (
                <tr data-metric={m}>
                  <th scope="row">
                    <Show when={props.drill.enabled} fallback={t(`m_${m}`)}>
                      <button type="button" class="link-button" data-figure={`times.${m}`} aria-pressed={props.drill.current === `times.${m}`} onClick={() => props.drill.toggle(`times.${m}`)}>
                        {t(`m_${m}`)}
                      </button>
                    </Show>
                  </th>
                  <td>{durationWords(stat().median) ?? t("none")}</td>
                  <td>{durationWords(stat().p90) ?? t("none")}</td>
                  <td>{durationWords(stat().average) ?? t("none")}</td>
                  <td>{stat().count}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      </div>
    </section>
  );
}
