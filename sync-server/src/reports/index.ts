// Reports (issue 14): `/api/reports` (every figure of docs/REPORTS.md for a period, filters and
// granularity), its drill-down to the conversations behind a number, and CSV tables; scoped by
// the permission policy. Computed from raw events by the reference of shared/domain/reports
// until the rollups land. The capability's public surface: other modules import this file.
export { registerReportRoutes } from "./report-routes.ts";
export { ReportRoller } from "./rollup/report-roller.ts";
export { ReportColumns } from "./rollup/report-columns.ts";
export type { ReportMemory } from "./rollup/report-memory.ts";
