import type { ChannelType } from "@inbox/shared";

/** Channels as people name them, in refusals and notices. */
export const CHANNEL_NAMES: Record<ChannelType, string> = {
  webchat: "Web chat",
  whatsapp: "WhatsApp",
  instagram: "Instagram",
  messenger: "Messenger",
  telegram: "Telegram",
  wechat: "WeChat",
  line: "LINE",
};
