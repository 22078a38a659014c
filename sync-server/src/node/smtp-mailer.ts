import nodemailer from "nodemailer";
import { smtpUrl } from "../config.ts";
import { MailNotSent, type Mailer } from "../people/index.ts";

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
        throw new MailNotSent(redact(reasonOf(err, where), secrets));
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

/** The cause in words an admin can act on, from nodemailer's error code and the server's answer. */
export function reasonOf(err: unknown, where: string): string {
  const e = (err ?? {}) as SmtpFailure;
  const message = String(e.message ?? "");
  const answer = e.response ? ` (it answered: ${e.response.replace(/\s+/g, " ").trim().slice(0, 200)})` : "";
  if (/ECONNREFUSED/.test(message)) return `the mail server ${where} refused the connection`;
  if (e.code === "EDNS" || /ENOTFOUND|EAI_AGAIN/.test(message)) return `the mail server's name in ${where} could not be found`;
  if (e.code === "ETIMEDOUT" || /timed? ?out/i.test(message)) return `the mail server ${where} did not answer in time`;
  if (e.code === "EAUTH" || e.code === "ENOAUTH") return `the mail server ${where} did not accept the user name and password${answer}`;
  if (e.code === "ETLS") return `no secure connection could be made with the mail server ${where}${answer}`;
  if (e.code === "EENVELOPE") return `the mail server ${where} refused the sender or the recipient${answer}`;
  if (e.code === "EMESSAGE") return `the mail server ${where} refused the message${answer}`;
  if (e.code === "ECONNECTION" || e.code === "ESOCKET") return `the connection to the mail server ${where} failed (${message.slice(0, 200)})`;
  return `the mail server ${where} could not take the message${answer || (message ? ` (${message.slice(0, 200)})` : "")}`;
}

/** Whatever a server or library put in a message, the password never leaves this file. */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("•••"), text);
}
