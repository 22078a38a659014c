// Messages: customers' messages in (ingest, the inbound batcher), agents' replies and retries,
// history pages, and attachments checked against their channel.
// The capability's public surface: other modules import this file, never its insides.
export { customerLanguage, planCsatRequest, type CsatRequest, type CsatRequestDeps } from "./csat-request.ts";
export { InboundBatcher } from "./inbound-batch.ts";
export { ingestCustomerMessage, type IngestDeps } from "./ingest.ts";
export { conversationKey, latestConversationId } from "./latest-conversation.ts";
export { registerMessageRoutes } from "./message-routes.ts";
export { sendAgentReply, type ReplyDeps } from "./reply.ts";
export { registerUploadRoutes } from "./upload-routes.ts";
