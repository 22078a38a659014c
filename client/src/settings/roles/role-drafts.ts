/**
 * A custom role as the editor holds it, and the checks that turn it into what the server takes.
 * The shared CustomRoleInputSchema decides what is valid (the server checks the same); this maps
 * its verdict, and the server's refusals, to the field they concern, in the user's language.
 */
import type { Permissions, Role } from "@inbox/shared";
import { CustomRoleInputSchema, type CustomRole, type CustomRoleInput, type RolesResponse } from "@inbox/shared/api/roles";
import type { ApiError } from "../../api/http.ts";
import { schemaMessageWords } from "../../api/constraint-words.ts";
import { t } from "./messages.ts";

export interface RoleDraft {
  name: string;
  base: Role;
  permissions: Permissions;
}

/** Problems by field; `form` is what belongs to no single field. */
export type RoleProblems = { name?: string; form?: string };

export type Checked = { ok: true; value: CustomRoleInput } | { ok: false; problems: RoleProblems };

/** A new role starts as an agent: the narrowest built-in set, widened on purpose. */
export function newRoleDraft(builtIn: RolesResponse["builtIn"]): RoleDraft {
  return { name: "", base: "agent", permissions: { ...builtIn.agent } };
}

export function roleDraft(role: CustomRole): RoleDraft {
  return { name: role.name, base: role.base, permissions: { ...role.permissions } };
}

/**
 * The base changed: a role being created starts again from that built-in role's permissions; a
 * saved role keeps the permissions the admin chose (the base then only says what holders count as).
 */
export function withBase(draft: RoleDraft, base: Role, builtIn: RolesResponse["builtIn"], creating: boolean): RoleDraft {
  return creating ? { ...draft, base, permissions: { ...builtIn[base] } } : { ...draft, base };
}

export function inputFromDraft(draft: RoleDraft): Checked {
  const parsed = CustomRoleInputSchema.safeParse(draft);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: RoleProblems = {};
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === "name") problems.name ??= issue.code === "too_big" ? t("nameTooLong") : t("nameMissing");
    else problems.form ??= schemaMessageWords(issue.message);
  }
  return { ok: false, problems };
}

/** The server's refusal on the field it names (a taken name), otherwise its own words above the form. */
export function refusalProblems(err: ApiError): RoleProblems {
  const name = err.fields?.["name"];
  if (err.status === 409 && name) return { name: t("nameTaken") };
  if (name) return { name: schemaMessageWords(name), form: t("fixFields") };
  return { form: err.message };
}
