import type { MailFailure } from "@inbox/shared";
import { MailNotSent, type Mailer, type OutgoingMail } from "./mailer.ts";
import { escapeHtml } from "../lib/escape-html.ts";

/** What the invitation email says: where, who asked, as what, until when, and the link. */
export interface InvitationMailInput {
  to: string;
  link: string;
  workspaceName: string;
  inviterName: string;
  /** The built-in role's name in words, or the custom role's name. */
  roleName: string;
  expiresAt: number;
}

/** How the email went, as the invite's answer and its audit entry tell it (never the link). */
export interface Emailing {
  emailed: boolean;
  /** The whole sentence an API caller shows. */
  emailError?: string;
  /** The cause alone, in English (audited as `emailError`). */
  emailReason?: string;
  /** The cause as a code, for the PWA to put in the user's language. */
  emailFailure?: MailFailure;
}

const ROLE_WORDS = { admin: "Admin", supervisor: "Supervisor", agent: "Agent" } as const;
export const roleWords = (role: keyof typeof ROLE_WORDS): string => ROLE_WORDS[role];

/**
 * Sends the invitation when the server has a mailer. A failure never fails the invitation (it is
 * stored already, and the admin still has the link): it is answered as `emailed: false` with the
 * cause. The cause is logged; the link, the address and the mail server's password never are.
 */
export async function emailInvitation(mailer: Mailer | null, input: InvitationMailInput): Promise<Emailing> {
  if (!mailer) return { emailed: false };
  try {
    await mailer.send(invitationMail(input));
    return { emailed: true };
  } catch (err) {
    // A port breaking its promise (an error that is not MailNotSent) might carry anything: say less.
    const reason = err instanceof MailNotSent ? err.message : "the mail server could not be reached";
    console.error(`An invitation email was not sent: ${reason}`);
    const failure: MailFailure = err instanceof MailNotSent ? err.failure : { reason: "other", server: "" };
    return { emailed: false, emailError: `The email could not be sent: ${reason}; copy the link instead.`, emailReason: reason, emailFailure: failure };
  }
}

/** Plain text and simple HTML with the same words. English: the invitee has no language set yet. */
export function invitationMail(input: InvitationMailInput): OutgoingMail {
  const workspace = oneLine(input.workspaceName) || "Inbox";
  const inviter = oneLine(input.inviterName) || "An admin";
  // UTC, as the invitee's time zone is unknown; en-GB's 24-hour clock keeps the line plain ASCII.
  const until = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(input.expiresAt) + " UTC";
  const intro = `${inviter} invited you to join ${workspace} as ${oneLine(input.roleName)}.`;
  const action = "Open this link to choose your name and password:";
  const expiry = `The link works once, until ${until}. If you did not expect this invitation, ignore this email.`;
  const text = [intro, "", action, input.link, "", expiry, ""].join("\n");
  const html = [
    "<!doctype html>",
    '<html><body style="font-family: system-ui, sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(action)}<br><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>`,
    `<p style="color: #555">${escapeHtml(expiry)}</p>`,
    "</body></html>",
  ].join("\n");
  return { to: input.to, subject: `${inviter} invited you to ${workspace}`, text, html };
}

/** Names go into a header line (the subject): no line breaks, no runs of spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

