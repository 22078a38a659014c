/** Invitations sent: role (a custom role by its name), status, a new link for pending or expired ones, revoke. */
import type { Invitation, InvitationLinkResponse } from "@inbox/shared";
import type { CustomRole } from "@inbox/shared/api/roles";
import { createSignal, For, Show } from "solid-js";
import { personRoleName } from "../roles/role-words.ts";
import { InvitationLink } from "./InvitationLink.tsx";
import { errorText, t } from "./messages.ts";
import { peopleApi } from "./people-api.ts";

export function InvitationsList(props: { invitations: Invitation[]; roles: readonly CustomRole[]; disabled: boolean; onChanged(message: string): void; onError(message: string): void }) {
  const [link, setLink] = createSignal<InvitationLinkResponse | null>(null);
  const resend = async (i: Invitation) => {
    try {
      setLink(await peopleApi.resend(i.id));
      props.onChanged("");
    } catch (err) {
      props.onError(errorText(err));
    }
  };
  const revoke = async (i: Invitation) => {
    if (!confirm(t("confirmRevoke", { email: i.email }))) return;
    try {
      await peopleApi.revoke(i.id);
      if (link()?.invitation.id === i.id) setLink(null);
      props.onChanged(t("revoked", { email: i.email }));
    } catch (err) {
      props.onError(errorText(err));
    }
  };
  return (
    <Show when={props.invitations.length > 0} fallback={<p class="muted">{t("noInvitations")}</p>}>
      <ul class="invitations">
        <For each={props.invitations}>
          {(i) => (
            <li data-invitation={i.email}>
              <span>
                <strong>{i.email}</strong> · <span class="invitation-role">{personRoleName({ role: i.role, customRoleId: i.customRoleId ?? null }, props.roles)}</span> · <span class="badge">{t(`status_${i.status}`)}</span>
              </span>
              <Show when={i.status === "pending" || i.status === "expired"}>
                <span class="row-actions">
                  <button type="button" class="btn" disabled={props.disabled} onClick={() => void resend(i)}>
                    {t("resend")}
                  </button>
                  <button type="button" class="btn" disabled={props.disabled} onClick={() => void revoke(i)}>
                    {t("revoke")}
                  </button>
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={link()}>{(sent) => <InvitationLink sent={sent()} />}</Show>
    </Show>
  );
}
