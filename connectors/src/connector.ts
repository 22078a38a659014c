import type { ChannelType, MessageContent } from "@inbox/shared";

/**
 * The one interface every channel implements. Nothing outside `connectors/` knows a
 * platform's wire format: callers ask a connector for its capabilities and hand it canonical
 * messages. Web-standard APIs only (fetch, WebCrypto), so it runs on Node and Workers alike.
 */
export interface ConnectorCapabilities {
  maxTextLength: number;
  /** Most reply buttons one message may carry; 0 if the channel has none. */
  maxButtons: number;
  maxQuickReplies: number;
  /** Hours after the customer's last message in which free-form replies are allowed; null = always. */
  replyWindowHours: number | null;
}

export interface OutboundMessage {
  messageId: string;
  conversationId: string;
  /** The customer's id on this channel (contact identity). */
  recipient: string;
  content: MessageContent;
  senderName: string;
  createdAt: number;
}

/**
 * What happened when sending. `retry` failures go back to the outbox with backoff; the others
 * are final and carry the channel state the seed's failure table asks for.
 */
export type SendResult =
  | { ok: true; externalId: string | null; delivered: boolean }
  | {
      ok: false;
      kind: "retry" | "blocked" | "token_expired" | "rate_limited" | "rejected";
      /** In words an agent understands. */
      reason: string;
      retryAfterMs?: number;
    };

export interface Connector {
  readonly channel: ChannelType;
  readonly capabilities: ConnectorCapabilities;
  send(message: OutboundMessage): Promise<SendResult>;
}
