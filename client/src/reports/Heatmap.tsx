/** Messages received in the period by local weekday × hour, shaded by count, with the counts written in. */
import type { ReportResponse } from "@inbox/shared/api/reports";
import { For } from "solid-js";
import { t } from "./messages.ts";
import type { CsvLinkOf } from "./Tile.tsx";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = ["d0", "d1", "d2", "d3", "d4", "d5", "d6"] as const;

export function Heatmap(props: { report: ReportResponse; csv: CsvLinkOf }) {
  const max = () => Math.max(1, ...props.report.heatmap.flat());
  return (
    <section class="reports-group" aria-label={t("heatmap")}>
      <h2>{t("heatmap")}</h2>
      {props.csv("heatmap", t("heatmap"))}
      <div class="reports-scroll" tabindex="0">
        <table class="reports-heatmap" data-table="heatmap">
          <thead>
            <tr>
              <th scope="col">{t("weekday")}</th>
              <For each={HOURS}>
                {(h) => (
                  <th scope="col" aria-label={`${t("hour")} ${h}`}>
                    {h}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.report.heatmap}>
              {(row, d) => (
                <tr>
                  <th scope="row">{t(DAYS[d()] ?? "d0")}</th>
                  <For each={row}>
                    {(n) => <td style={{ "background-color": n ? `rgba(37, 99, 235, ${0.12 + (0.88 * n) / max()})` : undefined, color: n / max() > 0.55 ? "#fff" : undefined }}>{n || ""}</td>}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
