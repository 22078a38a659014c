// Customers' data rights and retention (issue 13): a contact's archive, erasing a contact, the
// workspace's retention policy and its scheduled job.
// The capability's public surface: other modules import this file, never its insides.
export { registerDataRightsRoutes } from "./data-rights-routes.ts";
export { RetentionJob } from "./retention-job.ts";
export { RETENTION_BATCH, runRetention } from "./retention-run.ts";
export type { DataRightsDeps } from "./deps.ts";
