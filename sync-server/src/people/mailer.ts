import type { MailFailure, MailFailureKind } from "@inbox/shared";

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
 * 127.0.0.1:2525 refused the connection") and `failure` the same as a code the PWA words.
 * Adapters never put the server's password, nor the message's contents (the invitation link),
 * in it: it is shown and audited. Made by `mailNotSent`, so both runtimes say the same.
 */
export class MailNotSent extends Error {
  override readonly name = "MailNotSent";
  constructor(
    message: string,
    readonly failure: MailFailure = { reason: "other", server: "" },
  ) {
    super(message);
  }
}

/** The failure in the English words the API's `emailError` and the logs use. */
export function mailNotSent(reason: MailFailureKind, server: string, detail?: string): MailNotSent {
  const said = detail ? detail.replace(/\s+/g, " ").trim().slice(0, 200) : undefined;
  const answer = said ? ` (it answered: ${said})` : "";
  const words: Record<MailFailureKind, string> = {
    refused: `the mail server ${server} refused the connection`,
    unreachable: `the mail server ${server} could not be reached${said ? ` (${said})` : ""}`,
    name_unknown: `the mail server's name in ${server} could not be found`,
    timeout: `the mail server ${server} did not answer in time`,
    auth: `the mail server ${server} did not accept the user name and password${answer}`,
    tls: `no secure connection could be made with the mail server ${server}${answer}`,
    envelope: `the mail server ${server} refused the sender or the recipient${answer}`,
    message: `the mail server ${server} refused the message${answer}`,
    connection: `the connection to the mail server ${server} failed${said ? ` (${said})` : ""}`,
    other: `the mail server ${server} could not take the message${answer}`,
  };
  return new MailNotSent(words[reason], { reason, server, ...(said ? { detail: said } : {}) });
}
