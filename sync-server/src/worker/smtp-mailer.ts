import { smtpUrl } from "../config.ts";
import { MailNotSent, mailNotSent, type Mailer } from "../people/index.ts";
import { mimeMessage, parseMailbox } from "./mime-message.ts";
import { sendOverSmtp, SmtpFailure, type SmtpTarget } from "./smtp-session.ts";

export interface SmtpSettings {
  /** SMTP_URL, as on Node: `smtp://user:password@host:port` (STARTTLS) or `smtps://…` (TLS). */
  smtpUrl: string;
  /** MAIL_FROM: `Inbox <no-reply@example.com>` or an address. */
  from: string;
}

/** As on Node (node/smtp-mailer.ts): an admin waits for the invite's answer. */
const TIMEOUTS = { greetingMs: 5_000, replyMs: 10_000 };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/**
 * The Workers runtime's mailer: the same SMTP_URL and MAIL_FROM as the Node server's, one SMTP
 * conversation per message over a TCP socket (smtp-session.ts). The password stays in the
 * target; failures are put in the Node mailer's words, without it. Cloudflare refuses
 * outgoing connections to port 25: use the submission ports, 587 or 465.
 */
export function workerSmtpMailer(settings: SmtpSettings): Mailer {
  const url = smtpUrl(settings.smtpUrl);
  if (!url) throw new Error("SMTP_URL is not an smtp: or smtps: URL");
  const secure = url.protocol === "smtps:";
  const port = Number(url.port) || (secure ? 465 : 587);
  const password = decodeURIComponent(url.password);
  const target: SmtpTarget = {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port,
    secure,
    user: decodeURIComponent(url.username),
    password,
    // A password sent to another machine goes only over TLS, as on Node.
    requireTls: !secure && password !== "" && !LOOPBACK.test(url.hostname),
  };
  const where = `${url.hostname}:${port}`;
  const from = parseMailbox(settings.from);
  const secrets = [password, url.password].filter((s) => s.length >= 3);
  return {
    async send(mail) {
      // An address goes into a command line and a header: one that could end either is not sent.
      if (/[\s<>]/.test(mail.to) || !mail.to.includes("@")) throw new MailNotSent(`the address ${JSON.stringify(mail.to.slice(0, 100))} cannot be written in an email`);
      try {
        await sendOverSmtp(target, { from: from.address, to: mail.to }, mimeMessage(from, mail), TIMEOUTS);
      } catch (err) {
        throw failureOf(err, where, (text) => redact(text, secrets));
      }
    },
  };
}

/** The cause as the kind node/smtp-mailer.ts gives the same failure (people/mailer.ts words it). */
export function failureOf(err: unknown, where: string, clean: (text: string) => string): MailNotSent {
  if (!(err instanceof SmtpFailure)) return mailNotSent("other", where);
  const said = clean(err.answer);
  switch (err.kind) {
    case "unreachable":
      // workerd says "cannot connect to the specified address" for a refused connection and an unknown host alike.
      return mailNotSent("unreachable", where, said);
    case "timeout":
      return mailNotSent("timeout", where);
    case "closed":
      return mailNotSent("connection", where, said);
    case "auth":
    case "tls":
    case "envelope":
    case "message":
      return mailNotSent(err.kind, where, said);
    case "protocol":
      return mailNotSent("other", where, said);
  }
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("•••"), text);
}
