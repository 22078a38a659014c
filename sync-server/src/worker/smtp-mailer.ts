import { smtpUrl } from "../config.ts";
import { MailNotSent, type Mailer } from "../people/index.ts";
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
        throw new MailNotSent(redact(reasonOf(err, where), secrets));
      }
    },
  };
}

/** The cause in the words node/smtp-mailer.ts uses for the same failure. */
export function reasonOf(err: unknown, where: string): string {
  if (!(err instanceof SmtpFailure)) return `the mail server ${where} could not take the message`;
  const answer = ` (it answered: ${err.answer.slice(0, 200)})`;
  switch (err.kind) {
    case "unreachable":
      // workerd says "cannot connect to the specified address" for a refused connection and an unknown host alike.
      return `the mail server ${where} could not be reached (${err.answer.slice(0, 200)})`;
    case "timeout":
      return `the mail server ${where} did not answer in time`;
    case "closed":
      return `the connection to the mail server ${where} failed (${err.answer.slice(0, 200)})`;
    case "auth":
      return `the mail server ${where} did not accept the user name and password${answer}`;
    case "tls":
      return `no secure connection could be made with the mail server ${where}${answer}`;
    case "envelope":
      return `the mail server ${where} refused the sender or the recipient${answer}`;
    case "message":
      return `the mail server ${where} refused the message${answer}`;
    case "protocol":
      return `the mail server ${where} could not take the message${answer}`;
  }
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("•••"), text);
}
