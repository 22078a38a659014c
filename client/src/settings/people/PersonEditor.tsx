/** One person's role (built-in or custom), teams, capacity, languages and skills, saved together. */
import type { AdminTeam, Person, UpdatePersonRequest } from "@inbox/shared";
import type { CustomRole } from "@inbox/shared/api/roles";
import { createSignal, Show } from "solid-js";
import { errorText, t } from "./messages.ts";
import { isBuiltIn, RoleOptions } from "./RoleOptions.tsx";
import { TeamPicker } from "./TeamPicker.tsx";
import { peopleApi } from "./people-api.ts";

const tags = (text: string) => [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];

/**
 * The role part of the change, only when the choice moved: the server takes a role sent on its
 * own as "back to a built-in role", so sending it unchanged would drop the person's custom role.
 */
function roleChange(choice: string, initial: string): Pick<UpdatePersonRequest, "role" | "customRoleId"> {
  if (choice === initial) return {};
  return isBuiltIn(choice) ? { role: choice, customRoleId: null } : { customRoleId: choice };
}

export function PersonEditor(props: { person: Person; teams: AdminTeam[]; roles: readonly CustomRole[]; onDone(saved: Person | null): void }) {
  const p = props.person;
  // A built-in role by its name, or a custom role by its id (ids never read as a role's name).
  const initialRole = p.customRoleId ?? p.role;
  const [role, setRole] = createSignal<string>(initialRole);
  const customRoles = () => {
    const known = props.roles.map((r) => ({ id: r.id, name: r.name }));
    // The person's role even when the roles could not be read, so the select does not pretend another.
    const theirs = p.customRoleId && !props.roles.some((r) => r.id === p.customRoleId) ? [{ id: p.customRoleId, name: t("customRoleOf", { role: t(`role_${p.role}`) }) }] : [];
    return [...known, ...theirs];
  };
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
        ...roleChange(role(), initialRole),
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
          <select id={`${idBase}-role`} onChange={(e) => setRole(e.currentTarget.value)}>
            <RoleOptions selected={role()} custom={customRoles()} />
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
