/** Teams: create, rename, archive or restore, and which inboxes feed each. */
import type { AdminTeam, Inbox, Person } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { errorText, t } from "./messages.ts";
import { peopleApi } from "./people-api.ts";

export function TeamsTable(props: { teams: AdminTeam[]; people: Person[]; inboxes: Inbox[]; disabled: boolean; onChanged(message: string): void; onError(message: string): void }) {
  const [newName, setNewName] = createSignal("");
  const [renaming, setRenaming] = createSignal<string | null>(null);
  const [draft, setDraft] = createSignal("");
  const inboxName = (id: string) => props.inboxes.find((i) => i.id === id)?.name ?? id;
  const personName = (id: string) => props.people.find((p) => p.id === id)?.name ?? id;

  const run = async (work: () => Promise<{ team: AdminTeam }>) => {
    try {
      const { team } = await work();
      props.onChanged(t("teamSaved", { name: team.name }));
      return true;
    } catch (err) {
      props.onError(errorText(err));
      return false;
    }
  };
  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await run(() => peopleApi.createTeam(newName().trim()))) setNewName("");
  };
  const rename = async (e: SubmitEvent, team: AdminTeam) => {
    e.preventDefault();
    if (await run(() => peopleApi.updateTeam(team.id, { name: draft().trim() }))) setRenaming(null);
  };

  return (
    <>
      <table class="settings-table teams-table">
        <caption class="sr-only">{t("teamsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("teamName")}</th>
            <th scope="col">{t("inboxesOfTeam")}</th>
            <th scope="col">{t("membersOfTeam")}</th>
            <th scope="col">
              <span class="sr-only">{t("edit")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.teams}>
            {(team) => (
              <tr data-team={team.name} classList={{ "is-deactivated": team.archivedAt !== null }}>
                <td>
                  <Show
                    when={renaming() === team.id}
                    fallback={
                      <>
                        <strong>{team.name}</strong>
                        <Show when={team.archivedAt !== null}>
                          {" "}
                          <span class="badge">{t("archived")}</span>
                        </Show>
                      </>
                    }
                  >
                    <form class="inline-form" onSubmit={(e) => void rename(e, team)}>
                      <label class="sr-only" for={`team-name-${team.id}`}>
                        {t("teamName")}
                      </label>
                      <input id={`team-name-${team.id}`} value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
                      <button type="submit" class="btn btn-primary">
                        {t("save")}
                      </button>
                      <button type="button" class="btn" onClick={() => setRenaming(null)}>
                        {t("cancel")}
                      </button>
                    </form>
                  </Show>
                </td>
                <td>
                  {team.inboxIds.map(inboxName).join(", ") || <span class="muted">{t("noInboxes")}</span>}
                  <Show when={team.archivedAt === null && props.inboxes.some((i) => !team.inboxIds.includes(i.id))}>
                    <label class="sr-only" for={`move-inbox-${team.id}`}>
                      {t("moveInboxTo", { team: team.name })}
                    </label>
                    <select
                      id={`move-inbox-${team.id}`}
                      class="move-inbox select"
                      disabled={props.disabled}
                      onChange={(e) => {
                        const inboxId = e.currentTarget.value;
                        e.currentTarget.value = "";
                        if (inboxId) void run(() => peopleApi.updateTeam(team.id, { inboxIds: [inboxId] }));
                      }}
                    >
                      <option value="">{t("moveInbox")}</option>
                      <For each={props.inboxes.filter((i) => !team.inboxIds.includes(i.id))}>{(i) => <option value={i.id}>{i.name}</option>}</For>
                    </select>
                  </Show>
                </td>
                <td>{team.memberIds.map(personName).join(", ")}</td>
                <td class="row-actions">
                  <button
                    type="button"
                    class="btn"
                    disabled={props.disabled}
                    onClick={() => {
                      setDraft(team.name);
                      setRenaming(team.id);
                    }}
                  >
                    {t("rename")}
                  </button>
                  <button type="button" class="btn" disabled={props.disabled} onClick={() => void run(() => peopleApi.updateTeam(team.id, { archived: team.archivedAt === null }))}>
                    {team.archivedAt === null ? t("archive") : t("restore")}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <form class="inline-form" onSubmit={(e) => void create(e)}>
        <label for="new-team-name">{t("newTeam")}</label>
        <input id="new-team-name" value={newName()} onInput={(e) => setNewName(e.currentTarget.value)} />
        <button type="submit" class="btn" disabled={props.disabled || !newName().trim()}>
          {t("createTeam")}
        </button>
      </form>
    </>
  );
}
