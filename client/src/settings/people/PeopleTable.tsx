/** Everyone in the workspace: role (a custom role by its name), teams, capacity, load and status, with edit and (de)activate. */
import type { AdminTeam, Person } from "@inbox/shared";
import type { CustomRole } from "@inbox/shared/api/roles";
import { personRoleName } from "../roles/role-words.ts";
import { createSignal, For, Show } from "solid-js";
import { PersonEditor } from "./PersonEditor.tsx";
import { errorText, t } from "./messages.ts";
import { peopleApi } from "./people-api.ts";

export function PeopleTable(props: { people: Person[]; teams: AdminTeam[]; roles: readonly CustomRole[]; disabled: boolean; onChanged(message: string): void; onError(message: string): void }) {
  const [editing, setEditing] = createSignal<string | null>(null);
  const teamNames = (p: Person) => p.teamIds.map((id) => props.teams.find((team) => team.id === id)?.name ?? id).join(", ") || t("noTeams");

  const setActive = async (p: Person, active: boolean) => {
    if (!active && !confirm(t("confirmDeactivate", { name: p.name, count: p.load }))) return;
    try {
      await peopleApi.setActive(p.id, active);
      props.onChanged(active ? t("reactivatedDone", { name: p.name }) : t("deactivatedDone", { name: p.name }));
    } catch (err) {
      props.onError(errorText(err));
    }
  };

  return (
    <table class="settings-table people-table">
      <caption class="sr-only">{t("peopleTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          <th scope="col">{t("role")}</th>
          <th scope="col">{t("teams")}</th>
          <th scope="col">{t("load")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">
            <span class="sr-only">{t("edit")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.people}>
          {(p) => (
            <>
              <tr data-person={p.email} classList={{ "is-deactivated": p.deactivatedAt !== null }}>
                <td>
                  <strong>{p.name}</strong>
                  <br />
                  <span class="muted">{p.email}</span>
                </td>
                <td class="person-role">{personRoleName(p, props.roles)}</td>
                <td>{teamNames(p)}</td>
                <td>
                  {p.load} / {p.maxConcurrentChats}
                </td>
                <td>
                  {p.deactivatedAt !== null ? t("deactivated") : t("active")}
                  <br />
                  <span class="muted">{p.lastSeenAt ? t("lastSeen", { time: new Date(p.lastSeenAt).toLocaleString() }) : t("never")}</span>
                </td>
                <td class="row-actions">
                  <button type="button" class="btn" disabled={props.disabled} aria-label={t("editPerson", { name: p.name })} onClick={() => setEditing(editing() === p.id ? null : p.id)}>
                    {t("edit")}
                  </button>
                  <Show
                    when={p.deactivatedAt === null}
                    fallback={
                      <button type="button" class="btn" disabled={props.disabled} onClick={() => void setActive(p, true)}>
                        {t("reactivate")}
                      </button>
                    }
                  >
                    <button type="button" class="btn btn-danger" disabled={props.disabled} onClick={() => void setActive(p, false)}>
                      {t("deactivate")}
                    </button>
                  </Show>
                </td>
              </tr>
              <Show when={editing() === p.id}>
                <tr class="person-editor-row">
                  <td colSpan={6}>
                    <PersonEditor
                      person={p}
                      teams={props.teams}
                      roles={props.roles}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) props.onChanged(t("saved", { name: saved.name }));
                      }}
                    />
                  </td>
                </tr>
              </Show>
            </>
          )}
        </For>
      </tbody>
    </table>
  );
}
