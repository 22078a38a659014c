/** The retention policy's admin API (shared/api/data-rights.ts). Online only: nothing is kept on the device. */
import { RetentionReportSchema, RetentionResponseSchema } from "@inbox/shared/api/data-rights";
import { request } from "../../api/http.ts";

export const retentionApi = {
  load: () => request("/api/admin/retention", { schema: RetentionResponseSchema }),
  save: (retentionDays: number | null) => request("/api/admin/retention", { method: "PUT", body: { retentionDays }, schema: RetentionResponseSchema }),
  dryRun: (retentionDays: number) => request("/api/admin/retention/dry-run", { body: { retentionDays }, schema: RetentionReportSchema }),
  run: () => request("/api/admin/retention/run", { method: "POST", schema: RetentionReportSchema }),
};
