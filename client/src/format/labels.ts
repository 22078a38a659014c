/** Words for the domain's string constants, in one place so every screen says the same. */
import type { ChannelType } from "@inbox/shared";

export const CHANNEL_LABELS: Record<ChannelType, string> = {
  webchat: "Web chat",
  whatsapp: "WhatsApp",
  instagram: "Instagram",
  messenger: "Messenger",
  telegram: "Telegram",
  wechat: "WeChat",
  line: "LINE",
};


/** "Unassigned", "You", or the assignee's name, in the words (language) given. */
export function assigneeLabel(
  assigneeId: string | null,
  meId: string,
  nameOf: (id: string) => string | undefined,
  words: { unassigned: string; you: string; anotherAgent: string },
): string {
  if (assigneeId === null) return words.unassigned;
  if (assigneeId === meId) return words.you;
  return nameOf(assigneeId) ?? words.anotherAgent;
}

/** Initials for an avatar: "Maria Silva" → "MS". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join("") || "?";
}
