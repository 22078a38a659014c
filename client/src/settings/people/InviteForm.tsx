/** Invite someone: email, role, teams; the answer is a link to copy (shown once). */
import { ROLES, type AdminTeam, type InvitationLinkResponse, type Role } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { InvitationLink } from "./InvitationLink.tsx";
import { TeamPicker } from "./TeamPicker.tsx";
import { errorText, t } from "./messages.ts";
import { peopleApi } from "./people-api.ts";

export function InviteForm(props: { teams: AdminTeam[]; disabled: boolean; onInvited(): void }) {
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<Role>("agent");
  const [teamIds, setTeamIds] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  const [sent, setSent] = createSignal<InvitationLinkResponse | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError("");
    setSent(null);
    try {
      const answer = await peopleApi.invite({ email: email().trim(), role: role(), teamIds: teamIds() });
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
          <select id="invite-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={ROLES}>{(r) => <option value={r}>{t(`role_${r}`)}</option>}</For>
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
