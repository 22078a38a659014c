/** A fresh invitation link, shown once to copy (only a hash of its token is kept). */
import type { InvitationLinkResponse } from "@inbox/shared";
import { CopyField } from "../channels/CopyField.tsx";
import { t } from "./messages.ts";

export function InvitationLink(props: { sent: InvitationLinkResponse }) {
  return (
    <div class="people-link" role="status">
      <p>{t("inviteLink", { email: props.sent.invitation.email, date: new Date(props.sent.invitation.expiresAt).toLocaleString() })}</p>
      <CopyField label={t("inviteLink", { email: props.sent.invitation.email, date: "" })} value={props.sent.link} />
    </div>
  );
}
