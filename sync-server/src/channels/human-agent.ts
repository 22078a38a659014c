import type { InboxRow } from "../db/read-model.ts";
import { connectorFor, type ChannelsDeps } from "./channel-access.ts";

/**
 * A platform's human-agent extension of its messaging window (Meta's HUMAN_AGENT tag: a person
 * may answer up to 7 days after the customer's last message, not only 24 hours). Meta grants the
 * permission per app, so it is an admin's per-inbox setting, off by default: sending with the
 * tag without the permission would fail at Meta anyway.
 */
export const HUMAN_AGENT_SETTING = "humanAgentTag";

export function humanAgentTagOf(settings: InboxRow["settings"]): boolean {
  return settings[HUMAN_AGENT_SETTING] === true;
}

/** Hours after the customer's last message in which this inbox may reply; null = no window. */
export function replyWindowHoursOf(core: Pick<ChannelsDeps, "connectors">, inbox: Pick<InboxRow, "channel" | "settings">): number | null {
  const capabilities = connectorFor(core, inbox.channel)?.capabilities;
  if (!capabilities) return null;
  if (capabilities.humanAgentWindowHours !== null && humanAgentTagOf(inbox.settings)) return capabilities.humanAgentWindowHours;
  return capabilities.replyWindowHours;
}
