import nodemailer from "nodemailer";
import { mailNotSent, smtpEndpoint, type Mailer, type MailNotSent, type SmtpSettings } from "../people/index.ts";


/** An admin waits for the answer of an invite: a mail server that does not answer is given up on soon. */
const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

/**
 * The Node runtime's mailer: nodemailer over SMTP, one connection per message (invitations are
 * rare). The password is held by the transport only; failures are put in words without it.
 */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const smtp = smtpEndpoint(settings);
  const transport = nodemailer.createTransport(
    {
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user || smtp.password ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
      requireTLS: smtp.requireTls,
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
  return {
    async send(mail) {
      try {
        await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (err) {
        throw failureOf(err, smtp.where, smtp.redact);
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
