/**
 * The choices of a role select: the built-in roles by name, then the workspace's custom roles by
 * id (ids never read as a role's name). Shared by the invite form and the person editor.
 */
import { ROLES, type Role } from "@inbox/shared";
import { For, Show } from "solid-js";
import { t } from "./messages.ts";

export const isBuiltIn = (choice: string): choice is Role => (ROLES as readonly string[]).includes(choice);

export function RoleOptions(props: { selected: string; custom: readonly { id: string; name: string }[] }) {
  return (
    <>
      <For each={ROLES}>
        {(r) => (
          <option value={r} selected={r === props.selected}>
            {t(`role_${r}`)}
          </option>
        )}
      </For>
      <Show when={props.custom.length > 0}>
        <optgroup label={t("customRoles")}>
          <For each={props.custom}>
            {(r) => (
              <option value={r.id} selected={r.id === props.selected}>
                {r.name}
              </option>
            )}
          </For>
        </optgroup>
      </Show>
    </>
  );
}
