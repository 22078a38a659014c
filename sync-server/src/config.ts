import { z } from "zod";
import { ChannelTypeSchema, type ChannelType } from "@inbox/shared";
import { DEFAULT_ADMISSION_LIMITS } from "./http/admission.ts";
import type { SmtpSettings } from "./people/smtp-endpoint.ts";

/** An env variable set to "" (as env files often leave them) counts as unset. */
const blankIsUnset = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);
/** `a@b.c` or `Name <a@b.c>`: one mailbox, no line breaks (it goes into a header). */
const MAILBOX = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

// The mail settings, shared by the Node server's config and the Worker's (mailSettingsFromEnv).
const smtpUrlSetting = blankIsUnset.refine((v) => v === undefined || smtpUrl(v) !== null, "use smtp://user:password@host:port or smtps://user:password@host:port");
const mailFromSetting = blankIsUnset.refine((v) => v === undefined || MAILBOX.test(v), "use an address, or a name and an address: Inbox <no-reply@example.com>");
function needsSender(c: { SMTP_URL?: string | undefined; MAIL_FROM?: string | undefined }, ctx: z.RefinementCtx): void {
  if (c.SMTP_URL && !c.MAIL_FROM) ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "set the sender of invitation emails too (with SMTP_URL), e.g. Inbox <no-reply@example.com>" });
}

/** Server settings, validated once at start-up from the runtime's environment. */
export const ServerConfigSchema = z.object({
  DATABASE_URL: z.string().default("file:./data/inbox.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** Media files and (when INBOX_SECRET_KEY is unset) the generated credentials key. */
  DATA_DIR: z.string().default("./data"),
  /** Base64 of 32 random bytes: encrypts channel credentials at rest. */
  INBOX_SECRET_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  /**
   * The address people and platforms reach this server at, when it is not the one it listens on
   * (behind a reverse proxy or a tunnel): `https://inbox.example.com`. Webhook addresses shown in
   * Settings and registered with Telegram, links to media handed to platforms and invitation
   * links are built on it. Unset: the listening address (fine for `npm start` on one machine).
   */
  PUBLIC_URL: blankIsUnset.refine((v) => v === undefined || publicOrigin(v) !== null, "use the address the inbox is opened at, e.g. https://inbox.example.com (http or https, no query)").transform((v) => (v === undefined ? undefined : publicOrigin(v)!)),
  /** Sessions expire this many hours after sign-in. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /**
   * Session cookies' Secure flag. "auto": set, unless the request is plain http to a loopback
   * address (a local `npm start`); "false" only for a trusted network served over plain http.
   */
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto").transform((v) => (v === "auto" ? ("auto" as const) : v === "true")),
  /**
   * Comma-separated addresses of the reverse proxies in front of this server; only their
   * X-Forwarded-For is believed for the client's address (throttling, audit log).
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  /** The /simulator page for the demo's simulated channels (`npm start` turns it on; never in production). */
  ENABLE_SIMULATOR: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /**
   * Operator override of platforms' API addresses, for tests and sandboxes only:
   * `telegram=http://127.0.0.1:9000,whatsapp=https://sandbox.example/v21.0`. Workspaces can never
   * set these (a channel's settings cannot point the server elsewhere).
   */
  PLATFORM_API_URLS: z.string().optional(),
  /** Largest file the server downloads from a platform (customers' media), in MB. */
  PLATFORM_DOWNLOAD_LIMIT_MB: z.coerce.number().positive().default(100),
  /**
   * AI assistance may call base URLs on private or loopback addresses and plain http (a model
   * server inside the operator's network). Off: only https to public addresses, as for platforms.
   */
  AI_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /**
   * Web Push (issue 16): the contact push services see in the VAPID signature, `mailto:` or an
   * `https:` address of the operator (default: a placeholder; Apple's push service wants a real one).
   */
  PUSH_CONTACT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "use mailto:someone@example.com or an https:// address")
    .optional(),
  /** Devices may subscribe with a push address on 127.0.0.1 over plain http: tests' push service stand-in only. */
  PUSH_ALLOW_LOOPBACK: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** This server's name across restarts (default: generated into DATA_DIR); give each of several servers sharing a data folder its own. */
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "use letters, digits, dots, dashes and underscores")
    .optional(),
  /** Days processed webhooks are kept (default 7); failed ones WEBHOOK_FAILED_RETENTION_DAYS (default 30). */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().positive().default(7),
  WEBHOOK_FAILED_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /**
   * Admission control (http/admission.ts, docs/SCALING.md): past these, platforms that redeliver
   * (Meta, Telegram) and the widget are answered 503 with Retry-After instead of being taken in;
   * WeChat and LINE are always stored. Stored webhooks not processed yet (default 2000), jobs
   * waiting for the database writer (default 1000), the ms of the last second the event loop
   * was behind (0–1000, default 500), and the Retry-After in seconds (default 10).
   */
  /** The operator's token: `/healthz` shows the load figures to `Authorization: Bearer <OPS_TOKEN>` only (none set: to nobody). */
  OPS_TOKEN: z.string().min(32, "use at least 32 characters").optional(),
  OVERLOAD_WEBHOOK_BACKLOG: z.coerce.number().int().min(0).default(DEFAULT_ADMISSION_LIMITS.webhookBacklog),
  OVERLOAD_WRITE_QUEUE: z.coerce.number().int().min(0).default(DEFAULT_ADMISSION_LIMITS.writeQueue),
  OVERLOAD_EVENT_LOOP_LAG_MS: z.coerce.number().int().min(1).default(DEFAULT_ADMISSION_LIMITS.eventLoopLagMs),
  OVERLOAD_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(DEFAULT_ADMISSION_LIMITS.retryAfterSeconds),
  /** Seed the demo workspace and its logins into an empty database (`npm start` turns it on). */
  SEED_DEMO: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /**
   * Simulated customers writing on every channel of the demo workspace (`DEMO_TRAFFIC=1 npm start`).
   * Off by default; refused unless the demo and the simulator are on.
   */
  DEMO_TRAFFIC: z
    .enum(["0", "1", "false", "true"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  /** The same seed replays the same customers, channels, lines and delays. */
  DEMO_TRAFFIC_SEED: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
  /** Demo traffic starts no new chats while the demo workspace has this many unresolved ones. */
  DEMO_TRAFFIC_MAX_OPEN: z.coerce.number().int().min(1).max(1000).default(40),
  /**
   * The mail server invitations are emailed through: `smtp://user:password@host:587` (STARTTLS,
   * required when a password is sent to another machine) or `smtps://…@host:465` (TLS from the
   * start); percent-encode special characters of the user and password. Unset: invitations are
   * links to copy. The password lives here only: never stored, never logged.
   */
  SMTP_URL: smtpUrlSetting,
  /** The sender of invitation emails, `Inbox <no-reply@example.com>` or an address; needed with SMTP_URL. */
  MAIL_FROM: mailFromSetting,
}).superRefine(needsSender);
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** Where invitation emails go out, when the operator set SMTP_URL (node/smtp-mailer.ts). */
export function mailSettingsOf(config: Pick<ServerConfig, "SMTP_URL" | "MAIL_FROM">): SmtpSettings | undefined {
  return config.SMTP_URL && config.MAIL_FROM ? { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM } : undefined;
}

/**
 * SMTP_URL and MAIL_FROM alone, checked as the Node server checks them, for a runtime without
 * the whole config (the Worker's env). Unset: undefined. A refusal names the setting, never the
 * URL (it holds the password).
 */
export function mailSettingsFromEnv(env: { SMTP_URL?: string | undefined; MAIL_FROM?: string | undefined }): SmtpSettings | undefined {
  const result = z.object({ SMTP_URL: smtpUrlSetting, MAIL_FROM: mailFromSetting }).superRefine(needsSender).safeParse({ SMTP_URL: env.SMTP_URL, MAIL_FROM: env.MAIL_FROM });
  if (!result.success) throw configRefusal(result.error);
  return mailSettingsOf(result.data);
}

/** A refused configuration, each setting at fault named with what is wrong. */
function configRefusal(error: z.ZodError): StartupRefusal {
  return new StartupRefusal(`invalid server configuration: ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}

/** An http(s) address without query or fragment, as a base without its trailing slash; else null. */
export function publicOrigin(text: string): string | null {
  const url = urlOrNull(text);
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** An smtp: or smtps: URL with a host, or null. Never echoed in an error: it holds the password. */
export function smtpUrl(text: string): URL | null {
  const url = urlOrNull(text);
  return url && (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "" ? url : null;
}

export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const result = ServerConfigSchema.safeParse(env);
  if (!result.success) throw configRefusal(result.error);
  return result.data;
}

/** `PLATFORM_API_URLS` as channel → base URL; a malformed entry stops the start with a sentence. */
export function parsePlatformApiUrls(text: string | undefined): Partial<Record<ChannelType, string>> {
  const out: Partial<Record<ChannelType, string>> = {};
  for (const entry of (text ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf("=");
    const channel = ChannelTypeSchema.safeParse(entry.slice(0, at).trim());
    const url = at > 0 ? urlOrNull(entry.slice(at + 1).trim()) : null;
    if (!channel.success || channel.data === "webchat" || !url || !/^https?:$/.test(url.protocol)) {
      throw new StartupRefusal(`invalid server configuration: PLATFORM_API_URLS entry "${entry}" is not <platform>=<http(s) URL>.`);
    }
    out[channel.data] = url.toString().replace(/\/+$/, "");
  }
  return out;
}

function urlOrNull(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** A setting the server will not start with; its message is the whole explanation for the operator. */
export class StartupRefusal extends Error {
  override readonly name = "StartupRefusal";
}
