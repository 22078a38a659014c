/**
 * Invite someone: email, role (built-in or custom), teams; the answer is a link to copy (shown
 * once), also emailed when the server has a mail server.
 */
import type { AdminTeam, InvitationLinkResponse, InviteRequest } from "@inbox/shared";
import type { CustomRole } from "@inbox/shared/api/roles";
import { createSignal, Show } from "solid-js";
import { InvitationLink } from "./InvitationLink.tsx";
import { isBuiltIn, RoleOptions } from "./RoleOptions.tsx";
import { TeamPicker } from "./TeamPicker.tsx";
import { errorText, t } from "./messages.ts";
import { peopleApi } from "./people-api.ts";

/** A built-in role by name, or a custom role by id (sent with its base as the role, which the server sets anyway). */
function roleRequest(choice: string, roles: readonly CustomRole[]): Pick<InviteRequest, "role" | "customRoleId"> {
  if (isBuiltIn(choice)) return { role: choice };
  return { role: roles.find((r) => r.id === choice)?.base ?? "agent", customRoleId: choice };
}

export function InviteForm(props: { teams: AdminTeam[]; roles: readonly CustomRole[]; disabled: boolean; onInvited(): void }) {
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<string>("agent");
  const [teamIds, setTeamIds] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  const [sent, setSent] = createSignal<InvitationLinkResponse | null>(null);
  // A custom role chosen and then deleted in Roles is no longer offered: back to the default.
  const choice = () => (isBuiltIn(role()) || props.roles.some((r) => r.id === role()) ? role() : "agent");

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError("");
    setSent(null);
    try {
      const answer = await peopleApi.invite({ email: email().trim(), ...roleRequest(choice(), props.roles), teamIds: teamIds() });
      setSent(answer);
      setEmail("");
      setTeamIds([]);
      props.onInvited();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="people-invite" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h3 id="invite-title">{t("inviteTitle")}</h3>
      <div class="form-row">
        <div class="field">
          <label for="invite-email">{t("email")}</label>
          <input id="invite-email" type="email" autocomplete="off" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="invite-role">{t("role")}</label>
          <select id="invite-role" onChange={(e) => setRole(e.currentTarget.value)}>
            <RoleOptions selected={choice()} custom={props.roles} />
          </select>
        </div>
      </div>
      <TeamPicker teams={props.teams} selected={teamIds()} onChange={setTeamIds} />
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <button type="submit" class="btn btn-primary" disabled={busy() || props.disabled}>
        {busy() ? t("inviting") : t("invite")}
      </button>
      <Show when={sent()}>{(sent) => <InvitationLink sent={sent()} />}</Show>
    </form>
  );
}
