/** Conversations and received messages per bucket: the uPlot chart (its own chunk) and the same numbers as a table. */
import type { ReportResponse } from "@inbox/shared/api/reports";
import type { Granularity } from "@inbox/shared/domain/reports/index";
import { createMemo, For, Show } from "solid-js";
import { t } from "./messages.ts";
import { SeriesChart } from "./SeriesChart.tsx";
import type { CsvLinkOf } from "./Tile.tsx";

/** `onPick`: list the conversations of one point (absent offline, where nothing can be asked). */
export function SeriesSection(props: { report: ReportResponse; granularity: Granularity; csv: CsvLinkOf; onPick?: ((point: { start: number; label: string }) => void) | undefined }) {
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
        <SeriesChart data={series()} label={label()} onPick={props.onPick ? (i) => props.onPick?.(points()[i]!) : undefined} />
        {/* In a wrapper: a table ignores the 1px width, and absolutely placed it widened the page on a phone. */}
        <div class="sr-only">
          <table class="reports-table" data-table="series">
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
                    <td>
                      <Show when={props.onPick} fallback={p.figures.conversations.total}>
                        <button type="button" class="link-button" data-bucket={p.start} aria-label={t("drillBucket", { bucket: p.label })} onClick={() => props.onPick?.(p)}>
                          {p.figures.conversations.total}
                        </button>
                      </Show>
                    </td>
                    <td>{p.figures.messages.received}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
