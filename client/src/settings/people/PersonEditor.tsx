/** One person's role, teams, capacity, languages and skills, saved together. */
import { ROLES, type AdminTeam, type Person, type Role } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { errorText, t } from "./messages.ts";
import { TeamPicker } from "./TeamPicker.tsx";
import { peopleApi } from "./people-api.ts";

const tags = (text: string) => [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];

export function PersonEditor(props: { person: Person; teams: AdminTeam[]; onDone(saved: Person | null): void }) {
  const p = props.person;
  const [role, setRole] = createSignal<Role>(p.role);
  const [teamIds, setTeamIds] = createSignal<string[]>(p.teamIds);
  const [capacity, setCapacity] = createSignal(String(p.maxConcurrentChats));
  const [languages, setLanguages] = createSignal(p.languages.join(", "));
  const [skills, setSkills] = createSignal(p.skills.join(", "));
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const idBase = `person-${p.id}`;

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      const { person } = await peopleApi.update(p.id, {
        role: role(),
        teamIds: teamIds(),
        maxConcurrentChats: Number(capacity()),
        languages: tags(languages()),
        skills: tags(skills()),
      });
      props.onDone(person);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <form class="person-editor" onSubmit={save} noValidate aria-label={t("editPerson", { name: p.name })}>
      <div class="form-row">
        <div class="field">
          <label for={`${idBase}-role`}>{t("role")}</label>
          <select id={`${idBase}-role`} value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={ROLES}>{(r) => <option value={r}>{t(`role_${r}`)}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for={`${idBase}-capacity`}>{t("capacity")}</label>
          <input id={`${idBase}-capacity`} type="number" min="1" max="100" value={capacity()} onInput={(e) => setCapacity(e.currentTarget.value)} aria-describedby={`${idBase}-capacity-help`} />
          <small id={`${idBase}-capacity-help`} class="muted">
            {t("capacityHelp")}
          </small>
        </div>
      </div>
      <TeamPicker teams={props.teams} selected={teamIds()} keep={p.teamIds} onChange={setTeamIds} />
      <div class="form-row">
        <div class="field">
          <label for={`${idBase}-languages`}>{t("languages")}</label>
          <input id={`${idBase}-languages`} value={languages()} onInput={(e) => setLanguages(e.currentTarget.value)} placeholder="pt-BR, en" />
        </div>
        <div class="field">
          <label for={`${idBase}-skills`}>{t("skills")}</label>
          <input id={`${idBase}-skills`} value={skills()} onInput={(e) => setSkills(e.currentTarget.value)} />
          <small class="muted">{t("commaHelp")}</small>
        </div>
      </div>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {t("save")}
        </button>
        <button type="button" class="btn" onClick={() => props.onDone(null)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
