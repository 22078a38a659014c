/**
 * Conversations and received messages per bucket, drawn by uPlot (imported here only, so the
 * library and its CSS ship in the Reports chunk). A table of the same numbers sits beside it
 * for screen readers (the canvas is hidden from them).
 */
import { createEffect, onCleanup, onMount } from "solid-js";
import type uPlot from "uplot";

export interface SeriesData {
  starts: number[];
  conversations: number[];
  received: number[];
  labels: { conversations: string; received: string };
}

/** `onPick`: a click on the chart picks the point under the cursor (its index). */
export function SeriesChart(props: { data: SeriesData; label: string; onPick?: ((index: number) => void) | undefined }) {
  let host!: HTMLDivElement;
  let plot: uPlot | null = null;
  let disposed = false;
  let UPlot: typeof uPlot | null = null;
  const draw = () => {
    if (!UPlot || disposed) return;
    plot?.destroy();
    const d = props.data;
    plot = new UPlot(
      {
        width: Math.max(280, host.clientWidth || 640),
        height: 220,
        series: [{}, { label: d.labels.conversations, stroke: "#2563eb", width: 2 }, { label: d.labels.received, stroke: "#16a34a", width: 2 }],
        axes: [{}, {}],
      },
      [d.starts.map((s) => s / 1000), d.conversations, d.received],
      host,
    );
    const drawn = plot;
    drawn.over.addEventListener("click", () => {
      const i = drawn.cursor.idx;
      if (i !== null && i !== undefined) props.onPick?.(i);
    });
    if (props.onPick) drawn.over.style.cursor = "pointer";
  };
  onMount(() => {
    void Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([mod]) => {
      UPlot = mod.default;
      draw();
    });
  });
  createEffect(() => {
    void props.data;
    draw();
  });
  onCleanup(() => {
    disposed = true;
    plot?.destroy();
  });
  return <div class="reports-chart" ref={host} aria-hidden="true" data-chart={props.label} />;
}
