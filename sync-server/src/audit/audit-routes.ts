import { z } from "zod";
import { AuditExportQuerySchema, AuditListQuerySchema, AuditListResponseSchema, AuditVerifyResponseSchema } from "@inbox/shared/api/audit";
import { auditInsert } from "../db/event-rows.ts";
import type { Writes } from "../db/record.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestActor } from "../http/audit-actor.ts";
import { refused } from "../http/http-error.ts";
import { exportFile } from "./audit-export.ts";
import { allAuditEntries, auditPage } from "./audit-query.ts";
import { sealWorkspace } from "./audit-sealer.ts";
import { verifyWorkspace } from "./audit-verify.ts";

/** The most entries one export holds: a bigger one is refused with how to narrow it. */
export const EXPORT_MAX = 100_000;

/**
 * Settings → Audit log (admins of the workspace): the entries with filters and paging, exports
 * (themselves audited) and the integrity check. Each seals what is new first, so what an admin
 * reads or exports is already covered by the chain.
 */
export function registerAuditRoutes(api: ApiRegistry, core: Writes): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/admin/audit",
      summary: "The workspace's audit log, newest first: filter by actor, action (or `prefix.*`), target, period and text; page with `cursor`",
      tag: "admin",
      access: { permission: "viewAudit" },
      query: AuditListQuerySchema,
      response: AuditListResponseSchema,
    },
    async ({ user, query }) => {
      await sealWorkspace(core, user.workspaceId);
      const { cursor, limit, ...filter } = query;
      return auditPage(core, user.workspaceId, filter, cursor ? Number(cursor) : null, limit);
    },
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/admin/audit/export",
      summary: "Download the audit log entries the filters keep, oldest first, as CSV or JSON Lines (the export is itself audited)",
      tag: "admin",
      access: { permission: "viewAudit" },
      query: AuditExportQuerySchema,
      response: z.string(),
    },
    async ({ c, user, query }) => {
      await sealWorkspace(core, user.workspaceId);
      const { format, ...filter } = query;
      const entries = await allAuditEntries(core, user.workspaceId, filter, EXPORT_MAX);
      if (!entries) {
        throw refused(400, "bad_request", "audit_export_too_many", { max: EXPORT_MAX.toLocaleString("en") });
      }
      const at = core.now();
      await core.writer.write([
        auditInsert(core, { workspaceId: user.workspaceId, ...requestActor(c, user), action: "audit.exported", data: { format, filters: filter, count: entries.length }, at }),
      ]);
      const file = exportFile(entries, format, at);
      return c.body(file.body, 200, {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      });
    },
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/admin/audit/verify",
      summary: "Check the audit log's hash chain: intact, or the first entry where it breaks (edited, deleted, seal removed)",
      tag: "admin",
      access: { permission: "viewAudit" },
      response: AuditVerifyResponseSchema,
    },
    async ({ user }) => {
      await sealWorkspace(core, user.workspaceId);
      return verifyWorkspace(core, user.workspaceId);
    },
  );
}
