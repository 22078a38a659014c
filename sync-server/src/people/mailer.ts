/**
 * The port through which the server sends email (invitations, replies to web chat visitors). The core stays free of
 * any runtime: each runtime hands in an SMTP mailer when the operator set SMTP_URL and MAIL_FROM
 * (node/smtp-mailer.ts, worker/smtp-mailer.ts); without one an invitation is only a link to copy.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Resolves once the mail server took the message; rejects with `MailNotSent` saying why. */
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * A send that failed, its message the cause in words an admin can act on ("the mail server
 * 127.0.0.1:2525 refused the connection"). Adapters never put the server's password, nor the
 * message's contents (the invitation link), in it: it is shown and audited.
 */
export class MailNotSent extends Error {
  override readonly name = "MailNotSent";
}
