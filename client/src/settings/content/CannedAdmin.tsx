/** Settings: the workspace's canned responses, with a form to add or change one. */
import type { Team } from "@inbox/shared";
import type { CannedResponse, CannedResponseInput } from "@inbox/shared/api/content";
import { createSignal, For, Show } from "solid-js";
import { CANNED_VARIABLES, contentApi } from "../../composer/index.ts";
import { ContentAdminSection, ContentForm, type ContentFormProps } from "./ContentAdminSection.tsx";
import { t } from "./messages.ts";

export function CannedAdmin(props: { teams: readonly Team[] }) {
  const teamName = (id: string | null) => (id ? (props.teams.find((x) => x.id === id)?.name ?? id) : t("everyone"));
  return (
    <ContentAdminSection<CannedResponse, CannedResponseInput>
      headingId="canned-title"
      title={t("cannedTitle")}
      addLabel={t("add")}
      intro={t("cannedIntro", { vars: CANNED_VARIABLES.join(", ") })}
      empty={t("cannedEmpty")}
      load={() => contentApi.cannedResponses().then((r) => r.cannedResponses)}
      create={(body) => contentApi.createCanned(body)}
      update={(id, body) => contentApi.updateCanned(id, body)}
      remove={(id) => contentApi.deleteCanned(id)}
      name={(c) => `/${c.shortcut}`}
      bodyName={(body) => `/${body.shortcut}`}
      columns={[t("shortcut"), t("title"), t("team")]}
      cells={(c) => (
        <>
          <th scope="row">/{c.shortcut}</th>
          <td>
            <span class="content-table-title">{c.title}</span>
            <span class="content-table-preview">{c.text}</span>
          </td>
          <td>{teamName(c.teamId)}</td>
        </>
      )}
      form={(p) => <CannedForm {...p} teams={props.teams} />}
    />
  );
}

function CannedForm(props: ContentFormProps<CannedResponse, CannedResponseInput> & { teams: readonly Team[] }) {
  const [shortcut, setShortcut] = createSignal(props.initial?.shortcut ?? "");
  const [title, setTitle] = createSignal(props.initial?.title ?? "");
  const [text, setText] = createSignal(props.initial?.text ?? "");
  const [teamId, setTeamId] = createSignal(props.initial?.teamId ?? "");

  return (
    <ContentForm
      label={props.initial ? t("editCanned") : t("newCanned")}
      read={() => ({ shortcut: shortcut().trim().replace(/^\//, ""), title: title(), text: text(), teamId: teamId() || null })}
      onCancel={() => props.onCancel()}
      onSave={(body) => props.onSave(body)}
    >
      {(field) => (
        <>
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
        </>
      )}
    </ContentForm>
  );
}
