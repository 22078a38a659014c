/** Valid domain objects for unit tests; override only what a test is about. */
import type { Conversation, Message } from "@inbox/shared";

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: "c1",
    workspaceId: "w1",
    inboxId: "i1",
    channel: "whatsapp",
    contactId: "k1",
    contactName: "Maria Silva",
    teamId: "t1",
    status: "open",
    priority: "normal",
    assigneeId: null,
    snoozedUntil: null,
    labels: [],
    unreadCount: 0,
    lastMessagePreview: "Hello",
    firstResponseAt: null,
    lastActivityAt: 1_000,
    createdAt: 500,
    ...over,
  };
}

export function message(over: Partial<Message> = {}): Message {
  return {
    id: "m1",
    conversationId: "c1",
    direction: "inbound",
    senderKind: "customer",
    senderId: "k1",
    senderName: "Maria Silva",
    content: { kind: "text", text: "Hello" },
    status: "delivered",
    failureReason: null,
    clientId: null,
    createdAt: 1_000,
    position: 1,
    ...over,
  };
}
