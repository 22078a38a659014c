/**
 * The period's figures per team, per inbox and per channel (the response's `byTeam`, `byInbox`,
 * `byChannel`: each the report with that one value added to the filters), one table each with
 * its CSV link. A conversation in two teams' reports counts in both rows, so rows need not add up.
 */
import type { ReportResponse, ReportTable } from "@inbox/shared/api/reports";
import { For, Show } from "solid-js";
import { channelWords } from "./channel-words.ts";
import { SlaCsatCells } from "./CsatGroup.tsx";
import { durationWords } from "./format.ts";
import { t } from "./messages.ts";
import type { CsvLinkOf } from "./Tile.tsx";

type Figures = ReportResponse["totals"];

function BreakdownTable(props: { table: ReportTable; title: string; rowHead: string; rows: [string, string, Figures][]; sla: boolean; csv: CsvLinkOf }) {
  return (
    <section class="reports-group" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.csv(props.table, props.title)}
      <Show when={props.rows.length > 0} fallback={<p>{t("noRows")}</p>}>
        <div class="reports-scroll" tabindex="0">
          <table class="reports-table" data-table={props.table}>
            <caption class="sr-only">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.rowHead}</th>
                <th scope="col">{t("s_total")}</th>
                <th scope="col">{t("s_attended")}</th>
                <th scope="col">{t("s_resolved")}</th>
                <th scope="col">{t("medianOf", { metric: t("m_firstResponse") })}</th>
                <th scope="col">{t("medianOf", { metric: t("m_resolution") })}</th>
                <Show when={props.sla}>
                  <th scope="col">{t("slaMet")}</th>
                  <th scope="col">{t("slaBreached")}</th>
                </Show>
                <th scope="col">{t("csatColumn")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {([id, name, f]) => (
                  <tr data-row={id}>
                    <th scope="row">{name}</th>
                    <td data-col="total">{f.conversations.total}</td>
                    <td data-col="attended">{f.conversations.attended}</td>
                    <td data-col="resolved">{f.conversations.resolved}</td>
                    <td>{durationWords(f.times.firstResponse.median) ?? t("none")}</td>
                    <td>{durationWords(f.times.resolution.median) ?? t("none")}</td>
                    <SlaCsatCells sla={props.sla} row={f} />
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

const byName = (rows: [string, string, Figures][]) => rows.sort((a, b) => a[1].localeCompare(b[1]));

export function BreakdownTables(props: { report: ReportResponse; csv: CsvLinkOf }) {
  const r = () => props.report;
  const sla = () => r().totals.sla !== null;
  const teams = () => byName(Object.entries(r().byTeam).map(([id, f]) => [id, r().names.teams[id] ?? id, f]));
  const inboxes = () => byName(Object.entries(r().byInbox).map(([id, f]) => [id, r().names.inboxes[id]?.name ?? id, f]));
  const channels = () => byName(Object.entries(r().byChannel).map(([id, f]) => [id, channelWords(id), f]));
  return (
    <>
      <BreakdownTable table="teams" title={t("byTeam")} rowHead={t("team")} rows={teams()} sla={sla()} csv={props.csv} />
      <BreakdownTable table="inboxes" title={t("byInbox")} rowHead={t("inbox")} rows={inboxes()} sla={sla()} csv={props.csv} />
      <BreakdownTable table="channels" title={t("byChannel")} rowHead={t("channel")} rows={channels()} sla={sla()} csv={props.csv} />
    </>
  );
}
