/**
 * A fresh invitation link, shown once to copy (only a hash of its token is kept), and whether it
 * also went by email: sent, or why not. The link stays either way: it is the way in.
 */
import type { InvitationLinkResponse } from "@inbox/shared";
import { Show } from "solid-js";
import { CopyField } from "../channels/CopyField.tsx";
import { mailCause } from "./mail-cause.ts";
import { t } from "./messages.ts";

export function InvitationLink(props: { sent: InvitationLinkResponse }) {
  const email = () => props.sent.invitation.email;
  // The cause in the user's language; an older server gives it in English, or only its own sentence.
  const failure = () => {
    const f = props.sent.emailFailure;
    const cause = f ? mailCause(f) : props.sent.emailReason;
    return cause ? t("emailFailed", { reason: cause }) : props.sent.emailError;
  };
  return (
    <div class="people-link" role="status">
      <Show when={props.sent.emailed}>
        <p class="invite-emailed">{t("emailedTo", { email: email() })}</p>
      </Show>
      <Show when={!props.sent.emailed && failure()}>{(text) => <p class="form-error invite-email-failed">{text()}</p>}</Show>
      <p>{t(props.sent.emailed ? "inviteLinkEmailed" : "inviteLink", { email: email(), date: new Date(props.sent.invitation.expiresAt).toLocaleString() })}</p>
      <CopyField label={t("inviteLink", { email: email(), date: "" })} value={props.sent.link} />
    </div>
  );
}
