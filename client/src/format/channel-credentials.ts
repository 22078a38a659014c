/**
 * What an admin types to connect each channel: the credential fields (the connectors' own
 * schemas; the server validates exactly and answers field errors), and a few public settings.
 * Secrets are password inputs; ids are plain text.
 */
import type { ChannelType } from "@inbox/shared";

export interface CredentialField {
  key: string;
  label: string;
  secret: boolean;
  /** Where to find it on the platform. */
  hint?: string;
}

const verifyToken: CredentialField = {
  key: "verifyToken",
  label: "Verify token",
  secret: true,
  hint: "Any string you choose; type the same one into the platform's webhook settings.",
};

export const CREDENTIAL_FIELDS: Record<ChannelType, readonly CredentialField[]> = {
  whatsapp: [
    { key: "accessToken", label: "Access token", secret: true, hint: "Meta App Dashboard → WhatsApp → API Setup." },
    { key: "phoneNumberId", label: "Phone number ID", secret: false, hint: "Meta's id for the number, not the phone number." },
    { key: "appSecret", label: "App secret", secret: true, hint: "App settings → Basic." },
    verifyToken,
  ],
  messenger: [
    { key: "pageAccessToken", label: "Page access token", secret: true, hint: "Meta App Dashboard → Messenger → Settings." },
    { key: "pageId", label: "Page ID", secret: false },
    { key: "appSecret", label: "App secret", secret: true, hint: "App settings → Basic." },
    verifyToken,
  ],
  instagram: [
    { key: "accessToken", label: "Access token", secret: true, hint: "Token of the Facebook Page linked to the account." },
    { key: "igAccountId", label: "Instagram account ID", secret: false },
    { key: "appSecret", label: "App secret", secret: true, hint: "App settings → Basic." },
    verifyToken,
  ],
  telegram: [
    { key: "botToken", label: "Bot token", secret: true, hint: "From @BotFather, like 123456789:AA…" },
    { key: "secretToken", label: "Webhook secret token", secret: true, hint: "Letters, digits, _ and - only." },
  ],
  wechat: [
    { key: "appId", label: "AppID", secret: false, hint: "Official Account → Settings and development → Basic configuration." },
    { key: "appSecret", label: "AppSecret", secret: true },
    { key: "token", label: "Token", secret: true, hint: "Server configuration → Token." },
    { key: "encodingAesKey", label: "EncodingAESKey", secret: true, hint: "43 letters and digits." },
  ],
  line: [
    { key: "channelAccessToken", label: "Channel access token", secret: true, hint: "LINE Developers Console → Messaging API tab." },
    { key: "channelSecret", label: "Channel secret", secret: true, hint: "Basic settings tab." },
  ],
  webchat: [],
};

/** Public settings a channel may have besides its credentials (web chat's widget). */
export interface SettingField {
  key: string;
  label: string;
  type: "text" | "color";
  placeholder?: string;
}

export const SETTING_FIELDS: Record<ChannelType, readonly SettingField[]> = {
  webchat: [
    { key: "greeting", label: "Greeting", type: "text", placeholder: "Hi! How can we help?" },
    { key: "color", label: "Widget colour", type: "color" },
  ],
  whatsapp: [],
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
  for (const f of CREDENTIAL_FIELDS[channel]) if (!(values[f.key] ?? "").trim()) out[f.key] = `${f.label} is required.`;
  return out;
}

/**
 * The server's field errors (paths like "credentials.accessToken", "accessToken",
 * "settings.apiBaseUrl", "name") keyed by the form's field names.
 */
export function formFieldErrors(fields: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const key = path.replace(/^(credentials|settings)\./, "");
    out[key] ??= message;
  }
  return out;
}
