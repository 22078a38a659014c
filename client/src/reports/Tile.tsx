/** The screen's building blocks: a figure tile (a button when it drills down), a group of tiles, a CSV link. */
import { DRILL_METRICS, type DrillMetric, type ReportTable } from "@inbox/shared/api/reports";
import { Show, type JSX } from "solid-js";
import { t } from "./messages.ts";

const drillable = new Set<string>(DRILL_METRICS);

/** Which figure's conversations are open, and how to open another (none while offline). */
export interface DrillControl {
  enabled: boolean;
  current: DrillMetric | null;
  /** Opens the figure's conversations, or closes them when they are open. */
  toggle: (metric: DrillMetric) => void;
}

export function Tile(props: { metric: string; label: string; value: number | string | null; drill: DrillControl }) {
  const body = () => (
    <>
      <span class="reports-tile-label">{props.label}</span>
      <span class="reports-tile-value">{props.value ?? t("none")}</span>
    </>
  );
  return (
    <Show
      when={drillable.has(props.metric) && props.drill.enabled}
      fallback={
        <div class="reports-tile" data-figure={props.metric}>
          {body()}
        </div>
      }
    >
      <button type="button" class="reports-tile" data-figure={props.metric} aria-pressed={props.drill.current === props.metric} onClick={() => props.drill.toggle(props.metric as DrillMetric)}>
        {body()}
      </button>
    </Show>
  );
}

export function TileGroup(props: { title: string; children: JSX.Element; csv?: JSX.Element }) {
  return (
    <section class="reports-group" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.csv}
      <div class="reports-tiles">{props.children}</div>
    </section>
  );
}

/** Makes the CSV link of a table for the question on screen. */
export type CsvLinkOf = (table: ReportTable, name: string) => JSX.Element;

export function CsvLink(props: { href: string; table: ReportTable; name: string }) {
  return (
    <a class="reports-csv" href={props.href} download={`${props.table}.csv`} aria-label={t("csvOf", { table: props.name })} data-csv={props.table}>
      {t("csv")}
    </a>
  );
}
