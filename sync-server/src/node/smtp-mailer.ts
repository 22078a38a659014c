import nodemailer from "nodemailer";
import { smtpUrl } from "../config.ts";
import { mailNotSent, type Mailer, type MailNotSent } from "../people/index.ts";

export interface SmtpSettings {
  /** SMTP_URL: `smtp://user:password@host:port` or `smtps://…`. */
  smtpUrl: string;
  /** MAIL_FROM: the sender, `Inbox <no-reply@example.com>`. */
  from: string;
}

/** An admin waits for the answer of an invite: a mail server that does not answer is given up on soon. */
const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/**
 * The Node runtime's mailer: nodemailer over SMTP, one connection per message (invitations are
 * rare). The password is held by the transport only; failures are put in words without it.
 */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const url = smtpUrl(settings.smtpUrl);
  if (!url) throw new Error("SMTP_URL is not an smtp: or smtps: URL");
  const secure = url.protocol === "smtps:";
  const port = Number(url.port) || (secure ? 465 : 587);
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const where = `${url.hostname}:${port}`;
  const transport = nodemailer.createTransport(
    {
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port,
      secure,
      ...(user || pass ? { auth: { user, pass } } : {}),
      // A password sent to another machine goes only over TLS: a server not offering STARTTLS is refused.
      requireTLS: !secure && pass !== "" && !LOOPBACK.test(url.hostname),
      ...TIMEOUTS,
      // Nothing of a conversation (its AUTH line, the message with its link) reaches a log.
      logger: false,
      debug: false,
      // The message is ours alone: no attachment or image is read from a file or a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from: settings.from },
  );
  const secrets = [pass, url.password].filter((s) => s.length >= 3);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (err) {
        throw failureOf(err, where, (text) => redact(text, secrets));
      }
    },
  };
}

interface SmtpFailure {
  code?: string;
  message?: string;
  responseCode?: number;
  response?: string;
}

/** The cause as a kind (worded alike on both runtimes), from nodemailer's error code and the server's answer. */
export function failureOf(err: unknown, where: string, clean: (text: string) => string = (t) => t): MailNotSent {
  const e = (err ?? {}) as SmtpFailure;
  const message = String(e.message ?? "");
  const answer = e.response ? clean(e.response) : undefined;
  if (/ECONNREFUSED/.test(message)) return mailNotSent("refused", where);
  if (e.code === "EDNS" || /ENOTFOUND|EAI_AGAIN/.test(message)) return mailNotSent("name_unknown", where);
  if (e.code === "ETIMEDOUT" || /timed? ?out/i.test(message)) return mailNotSent("timeout", where);
  if (e.code === "EAUTH" || e.code === "ENOAUTH") return mailNotSent("auth", where, answer);
  if (e.code === "ETLS") return mailNotSent("tls", where, answer);
  if (e.code === "EENVELOPE") return mailNotSent("envelope", where, answer);
  if (e.code === "EMESSAGE") return mailNotSent("message", where, answer);
  if (e.code === "ECONNECTION" || e.code === "ESOCKET") return mailNotSent("connection", where, clean(message));
  return mailNotSent("other", where, answer ?? (message ? clean(message) : undefined));
}

/** Whatever a server or library put in a message, the password never leaves this file. */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("•••"), text);
}
