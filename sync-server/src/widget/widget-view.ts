import type { Message, WidgetMessage } from "@inbox/shared";

/** What a customer may see of a message: no agent ids, and only the agent's display name. */
export function toWidgetMessage(m: Message): WidgetMessage {
  return {
    id: m.id,
    clientId: m.senderKind === "customer" ? m.clientId : null,
    from: m.senderKind,
    senderName: m.senderName,
    content: m.content,
    status: m.status,
    createdAt: m.createdAt,
    position: m.position,
  };
}
