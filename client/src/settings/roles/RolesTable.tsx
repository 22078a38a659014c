/** The custom roles: name, base, conversations seen and permissions in words, how many hold each; edit and delete. */
import type { CustomRole } from "@inbox/shared/api/roles";
import { For } from "solid-js";
import { t } from "./messages.ts";
import { baseWords, permissionsList, scopeWords } from "./role-words.ts";

export function RolesTable(props: { roles: readonly CustomRole[]; disabled: boolean; onEdit(role: CustomRole): void; onDelete(role: CustomRole): void }) {
  return (
    <table class="settings-table roles-table">
      <caption class="sr-only">{t("title")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          <th scope="col">{t("basedOn")}</th>
          <th scope="col">{t("sees")}</th>
          <th scope="col">{t("permissions")}</th>
          <th scope="col">{t("holders")}</th>
          <th scope="col">
            <span class="sr-only">{t("edit")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.roles}>
          {(role) => (
            <tr data-role={role.name}>
              <td>
                <strong>{role.name}</strong>
              </td>
              <td>{baseWords(role.base)}</td>
              <td>{scopeWords(role.permissions.conversations)}</td>
              <td>{permissionsList(role.permissions)}</td>
              <td class="role-holders">{role.holders}</td>
              <td class="row-actions">
                <button type="button" class="btn" disabled={props.disabled} aria-label={t("editNamed", { name: role.name })} onClick={() => props.onEdit(role)}>
                  {t("edit")}
                </button>
                <button type="button" class="btn btn-danger" disabled={props.disabled} aria-label={t("deleteNamed", { name: role.name })} onClick={() => props.onDelete(role)}>
                  {t("delete")}
                </button>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
