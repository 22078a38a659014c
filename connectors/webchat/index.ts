import { z } from "zod";
import type { Connector, OutboundMessage, SendResult } from "../src/connector.ts";
import { bodyKey } from "../src/delivery.ts";

const MB = 1024 * 1024;

/**
 * Delivers to the visitor's open widget sockets. Implemented by the server's widget hub, so
 * this connector stays free of any runtime's socket type.
 */
export interface WidgetDelivery {
  /** Pushes the message to every open widget of this visitor; returns how many received it (never rejects). */
  push(visitorContactId: string, message: OutboundMessage): number | Promise<number>;
}

/**
 * The web live chat channel: our own widget is the "platform", reached through the widget API
 * rather than webhooks. A reply is always stored and the widget fetches history when it
 * (re)connects, so sending cannot fail; it is "delivered" when a widget of the visitor is open.
 */
export function createWebchatConnector(delivery: WidgetDelivery): Connector {
  return {
    channel: "webchat",
    capabilities: {
      maxTextLength: 4096,
      // The widget shows buttons and quick replies as choices the customer taps (client/widget/view.ts).
      maxButtons: 13,
      maxButtonTitleLength: 64,
      maxQuickReplies: 13,
      replyWindowHours: null,
      humanAgentWindowHours: null,
      // Shown in the visitor's widget from the inbox's own storage (links signed per visitor).
      media: {
        image: { maxBytes: 10 * MB, mimeTypes: ["image/jpeg", "image/png", "image/gif", "image/webp"] },
        audio: { maxBytes: 10 * MB, mimeTypes: ["audio/mpeg", "audio/mp4", "audio/ogg", "audio/webm", "audio/wav", "audio/aac"] },
        video: { maxBytes: 10 * MB, mimeTypes: ["video/mp4", "video/webm"] },
        file: { maxBytes: 10 * MB, mimeTypes: ["*/*"] },
      },
      formatting: "plain",
      receipts: ["delivered"],
    },
    credentialsSchema: z.object({}),
    defaultApiBaseUrl: "",
    // The widget shows each message once by its id, and history comes from the record anyway.
    repeatSend: { kind: "deduplicated", withinMs: Number.POSITIVE_INFINITY },
    async handshake() {
      return null;
    },
    async verify() {
      return false; // no webhooks: the widget API authenticates visitors with their token
    },
    async deliveryKeys(req) {
      return bodyKey(req.body);
    },
    webhookSecrets: { headers: [], query: [] },
    acknowledge() {
      return { status: 200, body: "" };
    },
    async parse() {
      return [];
    },
    async send(message: OutboundMessage): Promise<SendResult> {
      const received = await delivery.push(message.recipient, message);
      return { ok: true, externalId: null, delivered: received > 0 };
    },
    async downloadMedia() {
      throw new Error("Web chat media is uploaded to the inbox directly.");
    },
    async validateCredentials() {
      return { ok: true };
    },
  };
}
