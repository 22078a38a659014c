export * from "./connector.ts";
export { formatForPlatform } from "./formatting.ts";
export { createWebchatConnector, type WidgetDelivery } from "../webchat/index.ts";
export { MalformedWebhookError } from "./malformed.ts";
export { META_CHANNELS, isMetaChannel, metaAccountId, metaAppIdOf, metaAppIdField, splitMetaDelivery, type MetaChannel, type MetaPart, type MetaSplit } from "./meta-app.ts";
export { metaAcknowledge, metaDeliveryKeys, metaHandshake, metaVerifySignature, metaWebhookSecrets } from "./meta-webhook.ts";
