/** Settings: the knowledge base's articles (drafts too), with a form to write or change one. */
import type { Article, ArticleInput } from "@inbox/shared/api/content";
import { createSignal, For, Show } from "solid-js";
import { formatListTime } from "../../../format/time.ts";
import { useAppState } from "../../../state/app-state.tsx";
import { articleUrl, contentApi } from "../../../state/content-api.ts";
import { ErrorMessage } from "../../ErrorMessage.tsx";
import { createAdminList } from "./admin-list.ts";
import { t } from "./messages.ts";

export function ArticlesAdmin() {
  const { local } = useAppState();
  const list = createAdminList(() => contentApi.articles().then((r) => r.articles), local.db);
  const [editing, setEditing] = createSignal<Article | "new" | null>(null);
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);

  const remove = async (a: Article) => {
    if (!confirm(t("confirmRemove", { name: a.title }))) return;
    const err = await list.change(() => contentApi.deleteArticle(a.id));
    setError(err?.message ?? null);
    if (!err) setMessage(t("removed", { name: a.title }));
  };

  return (
    <section class="settings-section" aria-labelledby="kb-title">
      <div class="settings-section-head">
        <h2 id="kb-title">{t("kbTitle")}</h2>
        <button type="button" class="btn" onClick={() => (setEditing("new"), setMessage(""))}>
          {t("addArticle")}
        </button>
      </div>
      <p class="muted">{t("kbIntro")}</p>
      <p class="form-done" role="status">
        {message()}
      </p>
      <ErrorMessage message={error() ?? list.loadError()} />
      <Show when={editing()}>
        {(current) => (
          <ArticleForm
            initial={current() === "new" ? null : (current() as Article)}
            onCancel={() => setEditing(null)}
            onSave={async (body) => {
              const a = current();
              const err = await list.change(() => (a === "new" ? contentApi.createArticle(body) : contentApi.updateArticle(a.id, body)));
              if (!err) {
                setEditing(null);
                setMessage(t("saved", { name: body.title }));
              }
              return err;
            }}
          />
        )}
      </Show>
      <Show when={list.items()} fallback={<p class="muted">{t("loading")}</p>}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="muted">{t("kbEmpty")}</p>}>
            <div class="table-wrap">
              <table class="content-table" aria-labelledby="kb-title">
                <thead>
                  <tr>
                    <th scope="col">{t("articleTitle")}</th>
                    <th scope="col">{t("status")}</th>
                    <th scope="col">{t("updated")}</th>
                    <th scope="col">{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={items()}>
                    {(a) => (
                      <tr>
                        <th scope="row">{a.title}</th>
                        <td>{a.published ? t("published") : t("draft")}</td>
                        <td>{formatListTime(a.updatedAt)}</td>
                        <td class="content-table-actions">
                          <Show when={a.published}>
                            <a class="btn btn-ghost" href={articleUrl(a.slug)} target="_blank" rel="noopener" aria-label={t("openPublic", { name: a.title })}>
                              {t("view")}
                            </a>
                          </Show>
                          <button type="button" class="btn btn-ghost" aria-label={t("editNamed", { name: a.title })} onClick={() => (setEditing(a), setMessage(""))}>
                            {t("edit")}
                          </button>
                          <button type="button" class="btn btn-ghost" aria-label={t("removeNamed", { name: a.title })} onClick={() => void remove(a)}>
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

function ArticleForm(props: { initial: Article | null; onCancel(): void; onSave(body: ArticleInput): Promise<{ message: string; fields?: Record<string, string> } | null> }) {
  const [title, setTitle] = createSignal(props.initial?.title ?? "");
  const [body, setBody] = createSignal(props.initial?.body ?? "");
  const [published, setPublished] = createSignal(props.initial?.published ?? true);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    const err = await props.onSave({ title: title(), body: body(), published: published() });
    setBusy(false);
    setFields(err?.fields ?? {});
    setError(err ? (err.fields ? t("fixFields") : err.message) : null);
  };

  return (
    <form class="content-form" aria-label={props.initial ? t("editArticle") : t("newArticle")} onSubmit={submit}>
      <ErrorMessage message={error()} />
      <div class="field">
        <label for="article-title">{t("articleTitle")}</label>
        <input id="article-title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-invalid={!!fields().title} />
        <Show when={fields().title}>{(m) => <span class="field-error">{m()}</span>}</Show>
      </div>
      <div class="field">
        <label for="article-body">{t("body")}</label>
        <textarea id="article-body" rows={10} value={body()} onInput={(e) => setBody(e.currentTarget.value)} aria-invalid={!!fields().body} aria-describedby="article-body-hint" />
        <span id="article-body-hint" class="field-hint">
          {fields().body ?? t("bodyHint")}
        </span>
      </div>
      <label class="content-form-check">
        <input type="checkbox" checked={published()} onChange={(e) => setPublished(e.currentTarget.checked)} />
        {t("published")}
      </label>
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
