import type { Connector, OutboundMessage, SendResult } from "../src/connector.ts";

/**
 * Delivers to the visitor's open widget sockets. Implemented by the server's widget hub, so
 * this connector stays free of any runtime's socket type.
 */
export interface WidgetDelivery {
  /** Pushes the message to every open widget of this visitor; returns how many received it. */
  push(visitorContactId: string, message: OutboundMessage): number;
}

/**
 * The web live chat channel: our own widget is the "platform". A reply is always stored and
 * the widget fetches history when it (re)connects, so sending cannot fail; it is "delivered"
 * when at least one widget of the visitor is open right now.
 */
export function createWebchatConnector(delivery: WidgetDelivery): Connector {
  return {
    channel: "webchat",
    capabilities: { maxTextLength: 4096, maxButtons: 0, maxQuickReplies: 0, replyWindowHours: null },
    async send(message: OutboundMessage): Promise<SendResult> {
      const received = delivery.push(message.recipient, message);
      return { ok: true, externalId: null, delivered: received > 0 };
    },
  };
}
