/** Conversations and received messages per bucket: the uPlot chart (its own chunk) and the same numbers as a table. */
import type { ReportResponse } from "@inbox/shared/api/reports";
import type { Granularity } from "@inbox/shared/domain/reports/index";
import { createMemo, For } from "solid-js";
import { t } from "./messages.ts";
import { SeriesChart } from "./SeriesChart.tsx";
import type { CsvLinkOf } from "./Tile.tsx";

export function SeriesSection(props: { report: ReportResponse; granularity: Granularity; csv: CsvLinkOf }) {
  const points = () => props.report.series.points;
  const series = createMemo(() => ({
    starts: points().map((p) => p.start),
    conversations: points().map((p) => p.figures.conversations.total),
    received: points().map((p) => p.figures.messages.received),
    labels: { conversations: t("conversations"), received: t("received") },
  }));
  const label = () => t("seriesChart", { granularity: t(`g_${props.granularity}`) });
  return (
    <section class="reports-group" aria-label={t("series")}>
      <h2>{t("series")}</h2>
      {props.csv("series", t("series"))}
      <div class="reports-chart-wrap">
        <SeriesChart data={series()} label={label()} />
        <table class="reports-table sr-only" data-table="series">
          <caption>{label()}</caption>
          <thead>
            <tr>
              <th scope="col">{t("bucket")}</th>
              <th scope="col">{t("conversations")}</th>
              <th scope="col">{t("received")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={points()}>
              {(p) => (
                <tr>
                  <th scope="row">{p.label}</th>
                  <td>{p.figures.conversations.total}</td>
                  <td>{p.figures.messages.received}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
