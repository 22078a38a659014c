// Instagram's webhooks follow Meta's shared rules (subscription check, X-Hub-Signature-256).
export { metaAcknowledge as acknowledge, metaHandshake as handshake, metaVerifySignature as verifySignature, metaDeliveryKeys as deliveryKeys, metaWebhookSecrets as webhookSecrets } from "../src/meta-webhook.ts";
