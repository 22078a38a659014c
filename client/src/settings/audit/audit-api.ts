/**
 * The audit log's admin API: pages of entries, the integrity check, and exports saved as files.
 * Online only: the log is the server's record and is not kept on the device.
 */
import { AuditListResponseSchema, AuditVerifyResponseSchema, type AuditExportFormat } from "@inbox/shared/api/audit";
import { ApiError, errorFromResponse, NETWORK_MESSAGE, request } from "../../api/http.ts";

export const auditApi = {
  page: (params: URLSearchParams) => request(`/api/admin/audit?${params}`, { schema: AuditListResponseSchema }),
  verify: () => request("/api/admin/audit/verify", { schema: AuditVerifyResponseSchema }),
  /** Downloads the export the filters describe and saves it; resolves with the file's name. */
  async download(format: AuditExportFormat, filters: URLSearchParams): Promise<string> {
    const params = new URLSearchParams(filters);
    params.set("format", format);
    let res: Response;
    try {
      res = await fetch(`/api/admin/audit/export?${params}`, { credentials: "same-origin" });
    } catch {
      throw new ApiError("network", NETWORK_MESSAGE, 0);
    }
    if (!res.ok) throw errorFromResponse(res.status, await res.text().catch(() => ""));
    const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `audit-log.${format}`;
    saveFile(await res.blob(), name);
    return name;
  },
};

/** Hands a file to the browser's downloads, as a link the user clicked would. */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the page's handle can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
