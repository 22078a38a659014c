/** Which teams someone belongs to: one checkbox per live team (and any archived one they are still in). */
import type { AdminTeam } from "@inbox/shared";
import { For } from "solid-js";
import { t } from "./messages.ts";

export function TeamPicker(props: { teams: AdminTeam[]; selected: string[]; keep?: string[]; onChange(ids: string[]): void }) {
  const shown = () => props.teams.filter((team) => team.archivedAt === null || (props.keep ?? []).includes(team.id));
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.selected, id] : props.selected.filter((x) => x !== id));
  return (
    <fieldset class="field people-teams">
      <legend>{t("teams")}</legend>
      <For each={shown()}>
        {(team) => (
          <label class="checkbox">
            <input type="checkbox" checked={props.selected.includes(team.id)} onChange={(e) => toggle(team.id, e.currentTarget.checked)} />
            {team.name}
          </label>
        )}
      </For>
    </fieldset>
  );
}
