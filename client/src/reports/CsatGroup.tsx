/**
 * Customer satisfaction (docs/REPORTS.md §3.4): satisfaction, average rating, response rate, and
 * how the ratings spread over 1–5 as bars of plain CSS widths. The bars are hidden from screen
 * readers; a table of the same numbers is read instead.
 */
import type { ReportResponse } from "@inbox/shared/api/reports";
import { For, Show } from "solid-js";
import { csatSummary, type Csat } from "./csat.ts";
import { percentWords, scoreWords } from "./format.ts";
import { t } from "./messages.ts";
import { Tile, type DrillControl } from "./Tile.tsx";

/** A table cell's CSAT: "4.5 (2)", the average and how many rated, or a dash without ratings. */
export function csatCell(c: Csat): string {
  return c.rated ? t("csatCell", { average: scoreWords(csatSummary(c).average)!, rated: c.rated }) : t("none");
}

/** The last cells of an agent's or a breakdown's row: SLA met and breached (when the report judges SLAs), then CSAT. */
export function SlaCsatCells(props: { sla: boolean; row: { sla: { met: number; breached: number } | null; csat: Csat } }) {
  return (
    <>
      <Show when={props.sla}>
        <td>{props.row.sla?.met ?? t("none")}</td>
        <td>{props.row.sla?.breached ?? t("none")}</td>
      </Show>
      <td data-csat>{csatCell(props.row.csat)}</td>
    </>
  );
}

const RATINGS = [5, 4, 3, 2, 1] as const;

export function CsatGroup(props: { report: ReportResponse; drill: DrillControl }) {
  const c = () => props.report.totals.csat;
  const s = () => csatSummary(c());
  return (
    <section class="reports-group reports-csat" aria-label={t("csat")}>
      <h2>{t("csat")}</h2>
      <div class="reports-tiles">
        <div class="reports-tile" data-figure="csat.satisfaction">
          <span class="reports-tile-label">{t("csatSatisfaction")}</span>
          <span class="reports-tile-value">{percentWords(s().satisfaction) ?? t("none")}</span>
        </div>
        <div class="reports-tile" data-figure="csat.average">
          <span class="reports-tile-label">{t("csatAverage")}</span>
          <span class="reports-tile-value">{scoreWords(s().average) ?? t("none")}</span>
        </div>
        <Tile metric="csat.rated" label={t("csatRatings")} value={c().rated} drill={props.drill} />
        <Tile metric="csat.asked" label={t("csatAsked")} value={c().asked} drill={props.drill} />
        <div class="reports-tile" data-figure="csat.responseRate">
          <span class="reports-tile-label">{t("csatResponseRate")}</span>
          <span class="reports-tile-value">{percentWords(s().responseRate) ?? t("none")}</span>
          <span class="reports-sub">{t("csatAnswered", { rated: c().rated, asked: c().asked })}</span>
        </div>
      </div>
      <Show when={c().rated > 0} fallback={<p data-csat-empty>{t("csatNone")}</p>}>
        <div class="reports-csat-spread">
          <div class="reports-csat-bars" aria-hidden="true">
            <For each={RATINGS}>
              {(n) => (
                <div class="reports-csat-bar">
                  <span class="reports-csat-label">{n}</span>
                  <span class="reports-csat-track">
                    <span class="reports-csat-fill" data-rating={n} style={{ width: `${Math.round(s().shares[n - 1]! * 100)}%` }} />
                  </span>
                  <span class="reports-csat-count">{c().ratings[n - 1]}</span>
                </div>
              )}
            </For>
          </div>
          {/* In a wrapper: a table ignores the 1px width, and absolutely placed it widened the page on a phone. */}
          <div class="sr-only">
            <table class="reports-table" data-table="csat">
              <caption>{t("csatSpread")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("csatRating")}</th>
                  <th scope="col">{t("csatRatings")}</th>
                  <th scope="col">{t("csatShare")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={RATINGS}>
                  {(n) => (
                    <tr data-rating={n}>
                      <th scope="row">{n}</th>
                      <td>{c().ratings[n - 1]}</td>
                      <td>{percentWords(s().shares[n - 1]!)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </div>
      </Show>
    </section>
  );
}
