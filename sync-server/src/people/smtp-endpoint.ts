import { smtpUrl } from "../config.ts";

/** Where invitations and replies are mailed from: the same two settings on both runtimes. */
export interface SmtpSettings {
  /** SMTP_URL: `smtp://user:password@host:port` (STARTTLS) or `smtps://…` (TLS). */
  smtpUrl: string;
  /** MAIL_FROM: the sender, `Inbox <no-reply@example.com>` or an address. */
  from: string;
}

/** SMTP_URL read once, as both runtimes' mailers use it (node/ and worker/smtp-mailer.ts). */
export interface SmtpEndpoint {
  host: string;
  port: number;
  /** smtps: TLS from the first byte; otherwise STARTTLS. */
  secure: boolean;
  user: string;
  password: string;
  /** A password sent to another machine goes only over TLS: a server not offering STARTTLS is refused. */
  requireTls: boolean;
  /** `host:port`, for failures put in words. */
  where: string;
  /** Whatever a server or library said, with the password taken out. */
  redact(text: string): string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

export function smtpEndpoint(settings: SmtpSettings): SmtpEndpoint {
  const url = smtpUrl(settings.smtpUrl);
  if (!url) throw new Error("SMTP_URL is not an smtp: or smtps: URL");
  const secure = url.protocol === "smtps:";
  const port = Number(url.port) || (secure ? 465 : 587);
  const password = decodeURIComponent(url.password);
  const secrets = [password, url.password].filter((s) => s.length >= 3);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port,
    secure,
    user: decodeURIComponent(url.username),
    password,
    requireTls: !secure && password !== "" && !LOOPBACK.test(url.hostname),
    where: `${url.hostname}:${port}`,
    redact: (text) => secrets.reduce((out, secret) => out.split(secret).join("•••"), text),
  };
}
