import { z } from "zod";
import type { ConnectorCapabilities } from "../src/connector.ts";

/** WeChat's API host; the simulator and tests point `ctx.apiBaseUrl` at a fake instead. */
export const DEFAULT_API_BASE_URL = "https://api.weixin.qq.com";

/**
 * What an admin copies from 公众平台 → 设置与开发 → 基本配置 (Basic configuration).
 * The EncodingAESKey is what makes pushes trustworthy: with it, only encrypted pushes (safe or
 * compatible mode, `encrypt_type=aes` with `msg_signature`) are accepted. Left empty, the inbox
 * takes plaintext pushes, whose bodies no signature covers (see README, Security).
 */
export const credentialsSchema = z.object({
  /** 开发者ID(AppID), e.g. wx0123456789abcdef. */
  appId: z.string().trim().min(1),
  /** 开发者密码(AppSecret): exchanged for the access token used by every API call. */
  appSecret: z.string().trim().min(1),
  /** 服务器配置 → 令牌(Token): the shared secret in the webhook signature. */
  token: z.string().trim().min(1),
  /** 服务器配置 → 消息加解密密钥(EncodingAESKey): 43 letters and digits; empty for plaintext mode. */
  encodingAesKey: z
    .string()
    .trim()
    .regex(/^([A-Za-z0-9]{43})?$/, "The EncodingAESKey is 43 letters and digits.")
    .optional(),
});
export type WechatCredentials = z.infer<typeof credentialsSchema>;

/** Customer-service (客服) text is limited to 2048 bytes of UTF-8. */
export const MAX_TEXT_BYTES = 2048;
/** msgmenu: head/tail text ≤ 1024 bytes, ≤ 10 items, item text ≤ 128 bytes, item id ≤ 64 bytes. */
export const MAX_MENU_HEAD_BYTES = 1024;
export const MAX_MENU_ITEM_BYTES = 128;
export const MAX_MENU_ID_BYTES = 64;
export const MAX_MENU_ITEMS = 10;

/** Temporary media (media/upload) limits: image 10 MB, voice 2 MB (≤ 60 s), video 10 MB. */
const MB = 1024 * 1024;

export const capabilities: ConnectorCapabilities = {
  // Capabilities count UTF-16 units; 2048 bytes hold 682 units of any script (CJK is 3 bytes
  // per unit). Longer text is still split by bytes in send(), but every part spends reply quota.
  maxTextLength: Math.floor(MAX_TEXT_BYTES / 3),
  // Buttons and quick replies are both sent as a 客服 menu message (msgmenu).
  maxButtons: MAX_MENU_ITEMS,
  maxButtonTitleLength: Math.floor(MAX_MENU_ITEM_BYTES / 3),
  maxQuickReplies: MAX_MENU_ITEMS,
  // 客服 messages are allowed for 48 h after the customer's last message (5 replies since the
  // June 2023 rules; menu clicks/follows/scans open 1-minute windows of 3 replies).
  replyWindowHours: 48,
  humanAgentWindowHours: null,
  media: {
    image: { maxBytes: 10 * MB, mimeTypes: ["image/jpeg", "image/png", "image/gif"] },
    audio: { maxBytes: 2 * MB, mimeTypes: ["audio/amr", "audio/mpeg"] },
    video: { maxBytes: 10 * MB, mimeTypes: ["video/mp4"] },
    // No file message in the 客服 API: files go out as a link (needs `mediaUrl`).
  },
  formatting: "plain",
  // WeChat sends no receipts for 客服 messages.
  receipts: [],
};
