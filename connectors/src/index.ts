export * from "./connector.ts";
export { formatForPlatform } from "./formatting.ts";
export { createWebchatConnector, type WidgetDelivery } from "../webchat/index.ts";
export { MalformedWebhookError } from "./malformed.ts";
