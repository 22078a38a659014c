/**
 * How a time metric's durations spread over fixed bands (docs/REPORTS.md §3.5): one table whose
 * last cell draws the bar (hidden from screen readers, which read the count and share beside it).
 * Each band with durations drills down to the conversations in it. One metric at a time, chosen
 * here; the CSV holds every metric's bands.
 */
import type { ReportResponse } from "@inbox/shared/api/reports";
import { DURATION_METRICS, type DurationMetric } from "@inbox/shared/domain/reports/index";
import { createSignal, For, Show, type JSX } from "solid-js";
import { bandWords, percentWords } from "./format.ts";
import { t } from "./messages.ts";

/** Which band's conversations are open, and how to open another (none while offline). */
export interface BandDrill {
  enabled: boolean;
  current: { metric: DurationMetric; band: number } | null;
  toggle: (metric: DurationMetric, band: number, label: string) => void;
}

export function Distribution(props: { report: ReportResponse; drill: BandDrill; csv: JSX.Element }) {
  const [metric, setMetric] = createSignal<DurationMetric>("firstResponse");
  const stat = () => props.report.totals.times[metric()];
  const widest = () => Math.max(1, ...stat().bands);
  const open = (band: number) => props.drill.current?.metric === metric() && props.drill.current.band === band;
  return (
    <section class="reports-group" aria-label={t("distribution")}>
      <h2>{t("distribution")}</h2>
      {props.csv}
      <label class="reports-dist-pick">
        {t("distributionOf")}{" "}
        <select value={metric()} onChange={(e) => setMetric(e.currentTarget.value as DurationMetric)}>
          <For each={DURATION_METRICS}>{(m) => <option value={m}>{t(`m_${m}`)}</option>}</For>
        </select>
      </label>
      <Show when={stat().count > 0} fallback={<p data-dist-empty>{t("distributionNone")}</p>}>
        <div class="reports-scroll" tabindex="0">
          <table class="reports-table reports-dist" data-table="distribution" data-metric={metric()}>
            <caption class="sr-only">{t("distributionCaption", { metric: t(`m_${metric()}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("distributionBand")}</th>
                <th scope="col">{t("samples")}</th>
                <th scope="col">{t("distributionShare")}</th>
                <th scope="col" aria-hidden="true" />
              </tr>
            </thead>
            <tbody>
              <For each={stat().bands}>
                {(count, band) => (
                  <tr data-band={band()}>
                    <th scope="row">
                      <Show when={props.drill.enabled && count > 0} fallback={bandWords(band())}>
                        <button type="button" class="link-button" aria-pressed={open(band())} onClick={() => props.drill.toggle(metric(), band(), bandWords(band()))}>
                          {bandWords(band())}
                        </button>
                      </Show>
                    </th>
                    <td>{count}</td>
                    <td>{percentWords(count / stat().count)}</td>
                    <td aria-hidden="true" class="reports-dist-cell">
                      <span class="reports-dist-track">
                        <span class="reports-dist-fill" style={{ width: `${Math.round((count / widest()) * 100)}%` }} />
                      </span>
                    </td>
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
