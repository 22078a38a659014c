// Webhooks: platforms' deliveries verified, stored once, claimed and processed in batches (messages,
// receipts, blocks, media), and pruned after their retention.
// The capability's public surface: other modules import this file, never its insides.
export { contactFor } from "./inbound-events.ts";
export { WebhookProcessor } from "./webhook-processor.ts";
export { newBacklogReading, type BacklogCounting, type BacklogReading } from "./backlog-reading.ts";
export { WebhookPruner, webhookRetentionFrom, type WebhookRetention } from "./webhook-retention.ts";
export { registerWebhookRoutes } from "./webhook-routes.ts";
