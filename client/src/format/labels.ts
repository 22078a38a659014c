/** Words for the domain's string constants, in one place so every screen says the same. */
import type { ChannelType, ConversationStatus, DeliveryStatus, Message, Priority, Role } from "@inbox/shared";

export const CHANNEL_LABELS: Record<ChannelType, string> = {
  webchat: "Web chat",
  whatsapp: "WhatsApp",
  instagram: "Instagram",
  messenger: "Messenger",
  telegram: "Telegram",
  wechat: "WeChat",
  line: "LINE",
};

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: "Open",
  pending: "Pending",
  snoozed: "Snoozed",
  resolved: "Resolved",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: "Low",
  normal: "Normal",
  high: "High",
  urgent: "Urgent",
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  supervisor: "Supervisor",
  agent: "Agent",
};

export interface DeliveryLabel {
  /** Short visible mark: "✓", "✓✓", "Sending…". */
  mark: string;
  /** The same in words, for screen readers and tooltips. */
  text: string;
  tone: "pending" | "ok" | "read" | "error";
}

const DELIVERY: Record<Exclude<DeliveryStatus, "failed">, DeliveryLabel> = {
  queued: { mark: "Sending…", text: "Sending…", tone: "pending" },
  sent: { mark: "✓", text: "Sent", tone: "ok" },
  delivered: { mark: "✓✓", text: "Delivered", tone: "ok" },
  read: { mark: "✓✓", text: "Read", tone: "read" },
};

const WAITING_FOR_NETWORK: DeliveryLabel = { mark: "Will send when online", text: "Will send when online", tone: "pending" };

/**
 * How an outbound message's delivery reads; null for inbound messages (nothing to track).
 * A reply still in the outbox while offline says so, instead of "Sending…".
 */
export function deliveryLabel(
  m: Pick<Message, "direction" | "status" | "failureReason"> & { id?: string },
  opts: { offline?: boolean } = {},
): DeliveryLabel | null {
  if (m.direction !== "outbound") return null;
  if (m.status === "queued" && opts.offline && m.id?.startsWith("pending-")) return WAITING_FOR_NETWORK;
  if (m.status === "failed") {
    const reason = m.failureReason?.trim();
    const text = reason ? `Failed to send: ${reason}` : "Failed to send";
    return { mark: text, text, tone: "error" };
  }
  return DELIVERY[m.status];
}

/**
 * An outbound message that was not delivered (e.g. the customer blocked the business): a
 * "Failed to send" badge and, when the server knows it, why, in words for the agent.
 */
export function deliveryFailure(m: Pick<Message, "direction" | "status" | "failureReason">): { badge: string; reason: string | null } | null {
  if (m.direction !== "outbound" || m.status !== "failed") return null;
  return { badge: "Failed to send", reason: m.failureReason?.trim() || null };
}

/** "Unassigned", "You", or the assignee's name. */
export function assigneeLabel(
  assigneeId: string | null,
  meId: string,
  nameOf: (id: string) => string | undefined,
): string {
  if (assigneeId === null) return "Unassigned";
  if (assigneeId === meId) return "You";
  return nameOf(assigneeId) ?? "Another agent";
}

/** Initials for an avatar: "Maria Silva" → "MS". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join("") || "?";
}
