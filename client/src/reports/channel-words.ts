/** A channel type in words ("webchat" → "Web chat"); an unknown one as it is. */
import { CHANNEL_TYPES } from "@inbox/shared";
import { t } from "./messages.ts";

const KNOWN = new Set<string>(CHANNEL_TYPES);

export function channelWords(channel: string): string {
  return KNOWN.has(channel) ? t(`ch_${channel}` as Parameters<typeof t>[0]) : channel;
}
