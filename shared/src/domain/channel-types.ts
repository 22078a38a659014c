export const CHANNEL_TYPES = [
  "webchat",
  "whatsapp",
  "instagram",
  "messenger",
  "telegram",
  "wechat",
  "line",
] as const;
