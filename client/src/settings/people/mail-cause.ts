import type { MailFailure } from "@inbox/shared";
import { t } from "./messages.ts";

/** The mail server's failure in words; what the server itself said stays as it said it. */
export function mailCause(f: MailFailure): string {
  const reason = t(`mail_${f.reason}`, { server: f.server });
  return f.detail ? t("mailSaid", { reason, detail: f.detail }) : reason;
}
