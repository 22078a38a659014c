import { MailNotSent, mailNotSent, smtpEndpoint, type Mailer, type SmtpSettings } from "../people/index.ts";
import { mimeMessage, parseMailbox } from "./mime-message.ts";
import { sendOverSmtp, SmtpFailure } from "./smtp-session.ts";


/** As on Node (node/smtp-mailer.ts): an admin waits for the invite's answer. */
const TIMEOUTS = { greetingMs: 5_000, replyMs: 10_000 };

/**
 * The Workers runtime's mailer: the same SMTP_URL and MAIL_FROM as the Node server's, one SMTP
 * conversation per message over a TCP socket (smtp-session.ts). The password stays in the
 * target; failures are put in the Node mailer's words, without it. Cloudflare refuses
 * outgoing connections to port 25: use the submission ports, 587 or 465.
 */
export function workerSmtpMailer(settings: SmtpSettings): Mailer {
  // The endpoint is the socket's target too: the password stays in it.
  const target = smtpEndpoint(settings);
  const from = parseMailbox(settings.from);
  return {
    async send(mail) {
      // An address goes into a command line and a header: one that could end either is not sent.
      if (/[\s<>]/.test(mail.to) || !mail.to.includes("@")) throw new MailNotSent(`the address ${JSON.stringify(mail.to.slice(0, 100))} cannot be written in an email`);
      try {
        await sendOverSmtp(target, { from: from.address, to: mail.to }, mimeMessage(from, mail), TIMEOUTS);
      } catch (err) {
        throw failureOf(err, target.where, target.redact);
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
