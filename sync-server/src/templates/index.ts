// WhatsApp message templates (issue 16): the business account's templates synced from the platform
// (on connect, on an admin's "Sync templates", every few hours, and when a status webhook names
// one not yet known), their review status kept current by Meta's webhooks, and the lists the
// composer and Settings read. Sending one is a reply (messages/reply.ts) through the outbox.
// The capability's public surface: other modules import this file, never its insides.
export { registerTemplateRoutes } from "./template-routes.ts";
export { TemplateSyncer } from "./template-syncer.ts";
export { applyTemplateStatus } from "./template-sync.ts";
export { templateNamed, toTemplate } from "./template-store.ts";
