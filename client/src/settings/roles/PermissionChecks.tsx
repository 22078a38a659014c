/** One labelled checkbox per permission of a set (conversations are chosen apart, as a scope). */
import { PERMISSION_FLAGS, type PermissionFlag, type Permissions } from "@inbox/shared";
import { For } from "solid-js";
import { t } from "./messages.ts";
import { permissionLabel } from "./role-words.ts";

export function PermissionChecks(props: { permissions: Permissions; onChange(flag: PermissionFlag, on: boolean): void }) {
  return (
    <fieldset class="field role-permissions">
      <legend>{t("permissions")}</legend>
      <For each={PERMISSION_FLAGS}>
        {(flag) => (
          <label class="checkbox">
            <input type="checkbox" data-permission={flag} checked={props.permissions[flag]} onChange={(e) => props.onChange(flag, e.currentTarget.checked)} />
            {permissionLabel(flag)}
          </label>
        )}
      </For>
    </fieldset>
  );
}
