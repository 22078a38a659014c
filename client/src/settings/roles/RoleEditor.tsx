/**
 * Writing one custom role: name, the built-in role it is based on, which conversations its
 * holders see, and its permissions; checked with the shared schema before it is sent, and the
 * server's refusal shown on the field it concerns.
 */
import { CONVERSATION_SCOPES, ROLES, type ConversationScope, type Role } from "@inbox/shared";
import type { CustomRole, CustomRoleInput, RolesResponse } from "@inbox/shared/api/roles";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { asApiError } from "../../api/http.ts";
import { t } from "./messages.ts";
import { PermissionChecks } from "./PermissionChecks.tsx";
import { inputFromDraft, newRoleDraft, refusalProblems, roleDraft, withBase, type RoleDraft, type RoleProblems } from "./role-drafts.ts";
import { baseWords, scopeWords } from "./role-words.ts";

export function RoleEditor(props: { role: CustomRole | null; builtIn: RolesResponse["builtIn"]; disabled: boolean; onSave(input: CustomRoleInput): Promise<unknown>; onCancel(): void }) {
  const creating = !props.role;
  const [draft, setDraft] = createStore<RoleDraft>(props.role ? roleDraft(props.role) : newRoleDraft(props.builtIn));
  const [problems, setProblems] = createSignal<RoleProblems>({});
  const [saving, setSaving] = createSignal(false);
  const title = () => (props.role ? t("editRole", { name: props.role.name }) : t("newRole"));
  const idBase = `role-${props.role?.id ?? "new"}`;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (saving()) return;
    const checked = inputFromDraft({ name: draft.name, base: draft.base, permissions: { ...draft.permissions } });
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    setSaving(true);
    try {
      await props.onSave(checked.value);
    } catch (err) {
      setProblems(refusalProblems(asApiError(err)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="role-editor" aria-label={title()} noValidate onSubmit={(e) => void submit(e)}>
      <h3>{title()}</h3>
      <div class="form-row">
        <div class="field">
          <label for={`${idBase}-name`}>{t("roleName")}</label>
          <input
            id={`${idBase}-name`}
            type="text"
            maxLength={80}
            value={draft.name}
            aria-invalid={problems().name ? "true" : undefined}
            aria-describedby={problems().name ? `${idBase}-name-error` : undefined}
            onInput={(e) => {
              setDraft("name", e.currentTarget.value);
              setProblems(({ name: _, ...rest }) => rest);
            }}
          />
          <Show when={problems().name}>
            <p class="field-error" id={`${idBase}-name-error`}>
              {problems().name}
            </p>
          </Show>
        </div>
        <div class="field">
          <label for={`${idBase}-base`}>{t("base")}</label>
          <select id={`${idBase}-base`} onChange={(e) => setDraft((d) => withBase(d, e.currentTarget.value as Role, props.builtIn, creating))} aria-describedby={creating ? `${idBase}-base-help` : undefined}>
            <For each={ROLES}>
              {(r) => (
                <option value={r} selected={r === draft.base}>
                  {baseWords(r)}
                </option>
              )}
            </For>
          </select>
          <Show when={creating}>
            <small id={`${idBase}-base-help`} class="muted">
              {t("baseHelp")}
            </small>
          </Show>
        </div>
        <div class="field">
          <label for={`${idBase}-scope`}>{t("scope")}</label>
          <select id={`${idBase}-scope`} onChange={(e) => setDraft("permissions", "conversations", e.currentTarget.value as ConversationScope)}>
            <For each={CONVERSATION_SCOPES}>
              {(s) => (
                <option value={s} selected={s === draft.permissions.conversations}>
                  {scopeWords(s)}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <PermissionChecks permissions={draft.permissions} onChange={(flag, on) => setDraft("permissions", flag, on)} />
      <Show when={problems().form}>
        <p class="form-error" role="alert">
          {problems().form}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={props.disabled || saving()}>
          {saving() ? t("saving") : t("save")}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
