/**
 * Whether the open chat's 24 h customer-service window (WhatsApp) is closed, from the messages
 * this device holds, and which language the customer writes in: the composer then offers
 * approved templates, the customer's language first. Pure, so it works offline and is tested.
 */
import { detectLanguage, type ChannelType, type Message } from "@inbox/shared";

export const WHATSAPP_WINDOW_MS = 24 * 3600_000;

/** WhatsApp only; closed when the customer never wrote or wrote last more than 24 h ago. */
export function windowClosed(channel: ChannelType | null | undefined, timeline: readonly Message[], now: number): boolean {
  if (channel !== "whatsapp") return false;
  let last: number | null = null;
  for (const m of timeline) if (m.direction === "inbound" && (last === null || m.createdAt > last)) last = m.createdAt;
  return last === null || now - last > WHATSAPP_WINDOW_MS;
}

/** The language of the customer's latest texts (`pt`, `en`, `es`), or null when unsure. */
export function customerLanguage(timeline: readonly Message[]): string | null {
  const texts = timeline.filter((m) => m.senderKind === "customer" && m.content.kind === "text").slice(-5);
  const joined = texts.map((m) => (m.content.kind === "text" ? m.content.text : "")).join("\n");
  return joined.trim() ? detectLanguage(joined).language : null;
}
