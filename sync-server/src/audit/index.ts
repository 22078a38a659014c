// The admin audit log: reading it (filters, paging, exports), and its tamper evidence: a hash
// chain beside the append-only log (`audit_chain`), sealed as entries are written and checked
// by the admin page and `npm run audit:verify`. Entries themselves are written by every
// capability with `auditInsert` (db/event-rows.ts), in the transaction of the change.
// The capability's public surface: other modules import this file, never its insides.
export { AuditSealer, sealWorkspace } from "./audit-sealer.ts";
export { verifyWorkspace } from "./audit-verify.ts";
export { registerAuditRoutes } from "./audit-routes.ts";
