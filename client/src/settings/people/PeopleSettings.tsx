/**
 * Settings → People & teams (admins): invite, change and deactivate people, and give them a
 * built-in or a custom role; create, rename and archive teams and choose which inboxes feed them.
 * Renders offline from the device's copy (changes wait for the connection; the buttons are
 * disabled and say why).
 */
import { SectionNotices } from "../SectionNotices.tsx";
import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { InvitationsList } from "./InvitationsList.tsx";
import { InviteForm } from "./InviteForm.tsx";
import { PeopleTable } from "./PeopleTable.tsx";
import { TeamsTable } from "./TeamsTable.tsx";
import { t } from "./messages.ts";
import { createPeopleStore } from "./people-api.ts";
import type { RolesStore } from "../roles/roles-api.ts";

/** `roles`: the workspace's custom roles (shared with the Roles section), offered after the built-in ones when editing or inviting someone. */
export function PeopleSettings(props: { roles: RolesStore }) {
  const { local, conversations } = useAppState();
  const store = createPeopleStore(local.db());
  const offline = () => !local.browserOnline() || local.unreachable();
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal("");
  const inboxes = createMemo(() => [...conversations.inboxes().values()].sort((a, b) => a.name.localeCompare(b.name)));
  const customRoles = () => props.roles.data()?.roles ?? [];
  const changed = (text: string) => {
    setError("");
    setMessage(text);
    void store.reload();
    // Giving or taking a custom role changes how many hold it.
    void props.roles.reload();
  };
  // A custom role changed or deleted in Roles moved its holders' roles: read them again.
  createEffect(on(props.roles.edits, () => void store.reload(), { defer: true }));
  const failed = (text: string) => {
    setMessage("");
    setError(text);
  };

  return (
    <section class="settings-section people-settings" aria-labelledby="people-settings-title">
      <div class="settings-section-head">
        <h2 id="people-settings-title">{t("title")}</h2>
      </div>
      <p class="muted">{t("intro")}</p>
      <SectionNotices
        offline={offline()}
        offlineText={t("offline")}
        loadError={store.loadError()}
        retryText={t("tryAgain")}
        onRetry={() => void store.reload()}
        message={message()}
        error={error()}
      />
      <Show when={store.data()} fallback={<p class="muted" role="status">{t("loading")}</p>}>
        {(data) => (
          <>
            <InviteForm teams={data().teams} roles={customRoles()} disabled={offline()} onInvited={() => changed("")} />
            <h3>{t("invitationsTitle")}</h3>
            <InvitationsList invitations={data().invitations} roles={customRoles()} disabled={offline()} onChanged={changed} onError={failed} />
            <h3>{t("peopleTitle")}</h3>
            <PeopleTable people={data().people} teams={data().teams} roles={customRoles()} disabled={offline()} onChanged={changed} onError={failed} />
            <h3>{t("teamsTitle")}</h3>
            <TeamsTable teams={data().teams} people={data().people} inboxes={inboxes()} disabled={offline()} onChanged={changed} onError={failed} />
          </>
        )}
      </Show>
    </section>
  );
}
