/**
 * The Reports area (issue 14): the figures of docs/REPORTS.md with filters, charts, drill-down,
 * CSV links and the last report kept on the device. The screen loads on demand (its own chunk,
 * with the chart library), so none of it is in the main bundle.
 */
import { lazy } from "solid-js";

export const Reports = lazy(() => import("./Reports.tsx"));
