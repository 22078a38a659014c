/** Settings: the workspace's canned responses, with a form to add or change one. */
import type { Team } from "@inbox/shared";
import type { CannedResponse, CannedResponseInput } from "@inbox/shared/api/content";
import { createSignal, For, Show } from "solid-js";
import { useAppState } from "../../../state/app-state.tsx";
import { contentApi } from "../../../state/content-api.ts";
import { CANNED_VARIABLES } from "../../composer/content/canned-vars.ts";
import { ErrorMessage } from "../../ErrorMessage.tsx";
import { createAdminList } from "./admin-list.ts";
import { t } from "./messages.ts";

export function CannedAdmin(props: { teams: readonly Team[] }) {
  const { local } = useAppState();
  const list = createAdminList(() => contentApi.cannedResponses().then((r) => r.cannedResponses), local.db);
  const [editing, setEditing] = createSignal<CannedResponse | "new" | null>(null);
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const teamName = (id: string | null) => (id ? (props.teams.find((x) => x.id === id)?.name ?? id) : t("everyone"));

  const remove = async (c: CannedResponse) => {
    if (!confirm(t("confirmRemove", { name: `/${c.shortcut}` }))) return;
    const err = await list.change(() => contentApi.deleteCanned(c.id));
    setError(err?.message ?? null);
    if (!err) setMessage(t("removed", { name: `/${c.shortcut}` }));
  };

  return (
    <section class="settings-section" aria-labelledby="canned-title">
      <div class="settings-section-head">
        <h2 id="canned-title">{t("cannedTitle")}</h2>
        <button type="button" class="btn" onClick={() => (setEditing("new"), setMessage(""))}>
          {t("add")}
        </button>
      </div>
      <p class="muted">{t("cannedIntro", { vars: CANNED_VARIABLES.join(", ") })}</p>
      <p class="form-done" role="status">
        {message()}
      </p>
      <ErrorMessage message={error() ?? list.loadError()} />
      <Show when={editing()}>
        {(current) => (
          <CannedForm
            initial={current() === "new" ? null : (current() as CannedResponse)}
            teams={props.teams}
            onCancel={() => setEditing(null)}
            onSave={async (body) => {
              const c = current();
              const err = await list.change(() => (c === "new" ? contentApi.createCanned(body) : contentApi.updateCanned(c.id, body)));
              if (!err) {
                setEditing(null);
                setMessage(t("saved", { name: `/${body.shortcut}` }));
              }
              return err;
            }}
          />
        )}
      </Show>
      <Show when={list.items()} fallback={<p class="muted">{t("loading")}</p>}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="muted">{t("cannedEmpty")}</p>}>
            <div class="table-wrap">
              <table class="content-table" aria-labelledby="canned-title">
                <thead>
                  <tr>
                    <th scope="col">{t("shortcut")}</th>
                    <th scope="col">{t("title")}</th>
                    <th scope="col">{t("team")}</th>
                    <th scope="col">{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={items()}>
                    {(c) => (
                      <tr>
                        <th scope="row">/{c.shortcut}</th>
                        <td>
                          <span class="content-table-title">{c.title}</span>
                          <span class="content-table-preview">{c.text}</span>
                        </td>
                        <td>{teamName(c.teamId)}</td>
                        <td class="content-table-actions">
                          <button type="button" class="btn btn-ghost" aria-label={t("editNamed", { name: `/${c.shortcut}` })} onClick={() => (setEditing(c), setMessage(""))}>
                            {t("edit")}
                          </button>
                          <button type="button" class="btn btn-ghost" aria-label={t("removeNamed", { name: `/${c.shortcut}` })} onClick={() => void remove(c)}>
                            {t("remove")}
                          </button>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}

function CannedForm(props: {
  initial: CannedResponse | null;
  teams: readonly Team[];
  onCancel(): void;
  onSave(body: CannedResponseInput): Promise<{ message: string; fields?: Record<string, string> } | null>;
}) {
  const [shortcut, setShortcut] = createSignal(props.initial?.shortcut ?? "");
  const [title, setTitle] = createSignal(props.initial?.title ?? "");
  const [text, setText] = createSignal(props.initial?.text ?? "");
  const [teamId, setTeamId] = createSignal(props.initial?.teamId ?? "");
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    const err = await props.onSave({ shortcut: shortcut().trim().replace(/^\//, ""), title: title(), text: text(), teamId: teamId() || null });
    setBusy(false);
    setFields(err?.fields ?? {});
    setError(err ? (err.fields ? t("fixFields") : err.message) : null);
  };

  const field = (name: string) => fields()[name];
  return (
    <form class="content-form" aria-label={props.initial ? t("editCanned") : t("newCanned")} onSubmit={submit}>
      <ErrorMessage message={error()} />
      <div class="form-grid">
        <div class="field">
          <label for="canned-shortcut">{t("shortcut")}</label>
          <input id="canned-shortcut" value={shortcut()} onInput={(e) => setShortcut(e.currentTarget.value)} aria-invalid={!!field("shortcut")} aria-describedby="canned-shortcut-hint" autocomplete="off" />
          <span id="canned-shortcut-hint" class="field-hint">
            {field("shortcut") ?? t("shortcutHint")}
          </span>
        </div>
        <div class="field">
          <label for="canned-field-title">{t("title")}</label>
          <input id="canned-field-title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-invalid={!!field("title")} />
          <Show when={field("title")}>{(m) => <span class="field-error">{m()}</span>}</Show>
        </div>
        <div class="field">
          <label for="canned-team">{t("team")}</label>
          <select id="canned-team" class="select" value={teamId()} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">{t("everyone")}</option>
            <For each={props.teams}>{(team) => <option value={team.id}>{team.name}</option>}</For>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="canned-text">{t("text")}</label>
        <textarea id="canned-text" rows={4} value={text()} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={!!field("text")} />
        <Show when={field("text")}>{(m) => <span class="field-error">{m()}</span>}</Show>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()} aria-busy={busy()}>
          {t("save")}
        </button>
        <button type="button" class="btn btn-ghost" onClick={() => props.onCancel()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
