import { z } from "zod";
import {
  ContactEraseRequestSchema,
  ContactEraseResponseSchema,
  RetentionDaysSchema,
  RetentionPolicySchema,
  RetentionReportSchema,
  RetentionResponseSchema,
} from "@inbox/shared/api/data-rights";
import { auditInsert } from "../db/event-rows.ts";
import type { ApiRegistry } from "../http/api-registry.ts";
import { requestActor, requestOrigin } from "../http/audit-actor.ts";
import { refused, refusedWithFields } from "../http/http-error.ts";
import { refuseUnlessMayErase, refuseUnlessMayExport, refuseUnlessMayManageRetention, workspaceContact } from "./access.ts";
import { contactArchive } from "./contact-archive.ts";
import { eraseContact } from "./contact-erase.ts";
import type { DataRightsDeps } from "./deps.ts";
import { loadRetentionPolicy, saveRetentionPolicy } from "./retention-policy.ts";
import { runRetention } from "./retention-run.ts";
import { retentionCutoff, retentionPreview } from "./retention-scan.ts";
import { zipStream } from "./zip-stream.ts";

/**
 * A customer's data rights from the customer panel (export, erase) and the workspace's retention
 * policy in Settings (read, save, dry run, run now). Each route is open to signed-in users and
 * then asks the one permission check it needs (shared/api/data-rights.ts), so custom roles can
 * grant these later without touching the routes.
 */
export function registerDataRightsRoutes(api: ApiRegistry, core: DataRightsDeps): void {
  api.userRoute(
    {
      method: "get",
      path: "/api/contacts/:id/export",
      summary: "Download everything the workspace holds about a contact as a zip archive (JSON files and media); audited",
      tag: "contacts",
      access: "user",
      response: z.any(),
    },
    async ({ c, user, params }) => {
      refuseUnlessMayExport(user);
      const row = await workspaceContact(core, user, params.id!);
      const at = core.now();
      const archive = await contactArchive(core, row, at);
      // Recorded before the first byte leaves: an export that starts is an export that happened.
      await core.writer.write([
        auditInsert(core, { workspaceId: user.workspaceId, ...requestActor(c, user), action: "contact.exported", target: row.id, data: { ...archive.counts }, at }),
      ]);
      return c.body(zipStream(archive.entries(), at), 200, {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${archive.filename}"`,
        "cache-control": "no-store",
      });
    },
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/contacts/:id/erase",
      summary: "Erase a contact: messages and notes redacted, media files deleted, identities dropped, profile cleared (type their name to confirm); audited with counts",
      tag: "contacts",
      access: "user",
      body: ContactEraseRequestSchema,
      response: ContactEraseResponseSchema,
    },
    async ({ c, user, params, body }) => {
      refuseUnlessMayErase(user);
      return eraseContact(core, user, params.id!, body.confirm, requestOrigin(c));
    },
  );

  api.userRoute(
    {
      method: "get",
      path: "/api/admin/retention",
      summary: "The workspace's retention policy (null days: resolved conversations are kept)",
      tag: "admin",
      access: "user",
      response: RetentionResponseSchema,
    },
    async ({ user }) => {
      refuseUnlessMayManageRetention(user);
      return { policy: await loadRetentionPolicy(core, user.workspaceId) };
    },
  );

  api.userRoute(
    {
      method: "put",
      path: "/api/admin/retention",
      summary: "Set the retention policy: delete conversations resolved more than N days ago (null turns it off); audited",
      tag: "admin",
      access: "user",
      body: RetentionPolicySchema,
      response: RetentionResponseSchema,
    },
    async ({ c, user, body }) => {
      refuseUnlessMayManageRetention(user);
      return { policy: await saveRetentionPolicy(core, user, body, requestOrigin(c)) };
    },
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/admin/retention/dry-run",
      summary: "What the policy (or the days given) would delete now: counts and the span of last activity; deletes nothing",
      tag: "admin",
      access: "user",
      body: z.object({ retentionDays: RetentionDaysSchema.optional() }),
      response: RetentionReportSchema,
    },
    async ({ user, body }) => {
      refuseUnlessMayManageRetention(user);
      const days = body.retentionDays ?? (await loadRetentionPolicy(core, user.workspaceId)).retentionDays;
      if (days === null) throw refusedWithFields(400, "validation_failed", "retention_days_needed", {}, { retentionDays: "Enter a number of days." });
      const cutoff = retentionCutoff(core.now(), days);
      return { retentionDays: days, cutoff, ...(await retentionPreview(core, user.workspaceId, cutoff)) };
    },
  );

  api.userRoute(
    {
      method: "post",
      path: "/api/admin/retention/run",
      summary: "Apply the saved retention policy now, in batches; audited with counts",
      tag: "admin",
      access: "user",
      response: RetentionReportSchema,
    },
    async ({ c, user }) => {
      refuseUnlessMayManageRetention(user);
      const { retentionDays } = await loadRetentionPolicy(core, user.workspaceId);
      if (retentionDays === null) throw refused(409, "conflict", "retention_off");
      return runRetention(core, user.workspaceId, retentionDays, { now: core.now(), actor: requestActor(c, user) });
    },
  );
}
