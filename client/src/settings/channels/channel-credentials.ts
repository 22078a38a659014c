/**
 * What an admin types to connect each channel: the credential fields (the connectors' own
 * schemas; the server validates exactly and answers field errors), and a few public settings.
 * Secrets are password inputs; ids are plain text.
 */
import type { ChannelType } from "@inbox/shared";
import { t } from "./credential-messages.ts";
import { schemaMessageWords } from "../../api/constraint-words.ts";

export interface CredentialField {
  key: string;
  /** A function: the words follow the UI's language. */
  label: () => string;
  secret: boolean;
  /** Where to find it on the platform. */
  hint?: () => string;
  /** May be left empty (WeChat's EncodingAESKey, in the weaker plaintext mode). */
  optional?: boolean;
}

/** Meta's App ID: optional, for the app's one callback URL (`/webhooks/meta/<appId>`). */
const metaAppId: CredentialField = { key: "appId", label: () => t("cred_metaAppId"), secret: false, hint: () => t("hint_metaAppId"), optional: true };

const verifyToken: CredentialField = {
  key: "verifyToken",
  label: () => t("cred_verifyToken"),
  secret: true,
  hint: () => t("hint_verifyToken"),
};

export const CREDENTIAL_FIELDS: Record<ChannelType, readonly CredentialField[]> = {
  whatsapp: [
    { key: "accessToken", label: () => t("cred_accessToken"), secret: true, hint: () => t("hint_whatsappToken") },
    { key: "phoneNumberId", label: () => t("cred_phoneNumberId"), secret: false, hint: () => t("hint_phoneNumberId") },
    { key: "appSecret", label: () => t("cred_appSecret"), secret: true, hint: () => t("hint_appSecret") },
    verifyToken,
    metaAppId,
  ],
  messenger: [
    { key: "pageAccessToken", label: () => t("cred_pageAccessToken"), secret: true, hint: () => t("hint_messengerToken") },
    { key: "pageId", label: () => t("cred_pageId"), secret: false },
    { key: "appSecret", label: () => t("cred_appSecret"), secret: true, hint: () => t("hint_appSecret") },
    verifyToken,
    metaAppId,
  ],
  instagram: [
    { key: "accessToken", label: () => t("cred_accessToken"), secret: true, hint: () => t("hint_instagramToken") },
    { key: "igAccountId", label: () => t("cred_igAccountId"), secret: false },
    { key: "appSecret", label: () => t("cred_appSecret"), secret: true, hint: () => t("hint_appSecret") },
    verifyToken,
    metaAppId,
  ],
  telegram: [
    { key: "botToken", label: () => t("cred_botToken"), secret: true, hint: () => t("hint_botToken") },
    { key: "secretToken", label: () => t("cred_secretToken"), secret: true, hint: () => t("hint_secretToken") },
  ],
  // WeChat's console shows these names in every language, so the labels keep its spelling.
  wechat: [
    { key: "appId", label: () => "AppID", secret: false, hint: () => t("hint_wechatAppId") },
    { key: "appSecret", label: () => "AppSecret", secret: true },
    { key: "token", label: () => "Token", secret: true, hint: () => t("hint_wechatToken") },
    { key: "encodingAesKey", label: () => "EncodingAESKey", secret: true, hint: () => t("hint_encodingAesKey"), optional: true },
  ],
  line: [
    { key: "channelAccessToken", label: () => t("cred_channelAccessToken"), secret: true, hint: () => t("hint_lineToken") },
    { key: "channelSecret", label: () => t("cred_channelSecret"), secret: true, hint: () => t("hint_lineSecret") },
  ],
  webchat: [],
};

/** Public settings a channel may have besides its credentials (web chat's widget). */
export interface SettingField {
  key: string;
  label: () => string;
  type: "text" | "color";
  placeholder?: () => string;
}

export const SETTING_FIELDS: Record<ChannelType, readonly SettingField[]> = {
  webchat: [
    { key: "greeting", label: () => t("setting_greeting"), type: "text", placeholder: () => t("setting_greetingPlaceholder") },
    { key: "color", label: () => t("setting_color"), type: "color" },
  ],
  whatsapp: [{ key: "whatsappBusinessAccountId", label: () => t("setting_whatsappAccount"), type: "text", placeholder: () => t("setting_whatsappAccountPlaceholder") }],
  messenger: [],
  instagram: [],
  telegram: [],
  wechat: [],
  line: [],
};

/** Only this channel's fields, trimmed (pasted tokens often bring a space or a newline). */
export function credentialsFor(channel: ChannelType, values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of CREDENTIAL_FIELDS[channel]) out[f.key] = (values[f.key] ?? "").trim();
  return out;
}

/** Field key → "Access token is required." for every empty credential; the server checks the rest. */
export function missingCredentials(channel: ChannelType, values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of CREDENTIAL_FIELDS[channel]) if (!f.optional && !(values[f.key] ?? "").trim()) out[f.key] = t("required", { label: f.label() });
  return out;
}

/**
 * The server's field errors (paths like "credentials.accessToken", "accessToken",
 * "settings.apiBaseUrl", "name") keyed by the form's field names, a schema's own message in the
 * user's language.
 */
export function formFieldErrors(fields: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const key = path.replace(/^(credentials|settings)\./, "");
    out[key] ??= schemaMessageWords(message);
  }
  return out;
}
