/**
 * The audit log's admin API: pages of entries, the integrity check, and exports saved as files.
 * Online only: the log is the server's record and is not kept on the device.
 */
import { AuditListResponseSchema, AuditVerifyResponseSchema, type AuditExportFormat } from "@inbox/shared/api/audit";
import { downloadFile } from "../../api/download.ts";
import { request } from "../../api/http.ts";

export const auditApi = {
  page: (params: URLSearchParams) => request(`/api/admin/audit?${params}`, { schema: AuditListResponseSchema }),
  verify: () => request("/api/admin/audit/verify", { schema: AuditVerifyResponseSchema }),
  /** Downloads the export the filters describe and saves it; resolves with the file's name. */
  download(format: AuditExportFormat, filters: URLSearchParams): Promise<string> {
    const params = new URLSearchParams(filters);
    params.set("format", format);
    return downloadFile(`/api/admin/audit/export?${params}`, `audit-log.${format}`);
  },
};
