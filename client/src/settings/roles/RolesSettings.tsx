/**
 * Settings → Roles (those who manage people): the workspace's custom roles in words, a new role,
 * editing one, and deleting one (its holders go back to its base role). Changes are made online
 * only; the store is shared with People & teams, which offers these roles to give people.
 */
import type { CustomRole, CustomRoleInput } from "@inbox/shared/api/roles";
import { createSignal, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { asApiError } from "../../api/http.ts";
import { SectionNotices } from "../SectionNotices.tsx";
import { RoleEditor } from "./RoleEditor.tsx";
import { RolesTable } from "./RolesTable.tsx";
import { t } from "./messages.ts";
import { rolesApi, type RolesStore } from "./roles-api.ts";
import { baseWords } from "./role-words.ts";

/** The editor is open on a saved role (its id), on a new one ("new"), or closed (null). */
type Editing = string | "new" | null;

export function RolesSettings(props: { store: RolesStore }) {
  const { local } = useAppState();
  const store = props.store;
  const offline = () => !local.browserOnline() || local.unreachable();
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal("");
  const [editing, setEditing] = createSignal<Editing>(null);

  const save = async (input: CustomRoleInput) => {
    const id = editing();
    const { role } = id && id !== "new" ? await rolesApi.update(id, input) : await rolesApi.create(input);
    setEditing(null);
    setError("");
    setMessage(t("saved", { name: role.name }));
    await store.edited();
  };
  const remove = async (role: CustomRole) => {
    const base = baseWords(role.base);
    if (!confirm(t("confirmDelete", { name: role.name, count: role.holders, base }))) return;
    if (editing() === role.id) setEditing(null);
    setError("");
    setMessage("");
    try {
      const { holders } = await rolesApi.remove(role.id);
      setMessage(t("deleted", { name: role.name, count: holders, base }));
    } catch (err) {
      setError(asApiError(err).message);
    }
    await store.edited();
  };

  return (
    <section class="settings-section roles-settings" aria-labelledby="roles-settings-title">
      <div class="settings-section-head">
        <h2 id="roles-settings-title">{t("title")}</h2>
        <button type="button" class="btn" disabled={offline() || !store.data()} onClick={() => setEditing("new")}>
          {t("addRole")}
        </button>
      </div>
      <p class="muted">{t("intro")}</p>
      <SectionNotices
        offline={offline()}
        offlineText={t("offline")}
        loadError={store.loadError()}
        retryText={t("tryAgain")}
        onRetry={() => void store.reload()}
        message={message()}
        error={error()}
      />
      <Show
        when={store.data()}
        fallback={
          <Show when={!store.loadError()}>
            <p class="muted" role="status">
              {t("loading")}
            </p>
          </Show>
        }
      >
        {(data) => (
          <>
            <Show when={data().roles.length > 0} fallback={<p class="muted">{t("noRoles")}</p>}>
              <RolesTable roles={data().roles} disabled={offline()} onEdit={(role) => setEditing(role.id)} onDelete={(role) => void remove(role)} />
            </Show>
            <Show when={editing()} keyed>
              {(which) => (
                <RoleEditor
                  role={which === "new" ? null : (data().roles.find((r) => r.id === which) ?? null)}
                  builtIn={data().builtIn}
                  disabled={offline()}
                  onSave={save}
                  onCancel={() => setEditing(null)}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
