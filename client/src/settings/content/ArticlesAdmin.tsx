/** Settings: the knowledge base's articles (drafts too), with a form to write or change one. */
import type { Article, ArticleInput } from "@inbox/shared/api/content";
import { createSignal, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { articleUrl, contentApi } from "../../composer/index.ts";
import { formatListTime } from "../../format/time.ts";
import { ContentAdminSection, ContentForm, type ContentFormProps } from "./ContentAdminSection.tsx";
import { t } from "./messages.ts";

export function ArticlesAdmin() {
  const { session } = useAppState();
  const workspaceId = () => session.me()?.workspace.id ?? "";
  return (
    <ContentAdminSection<Article, ArticleInput>
      headingId="kb-title"
      title={t("kbTitle")}
      addLabel={t("addArticle")}
      intro={t("kbIntro")}
      empty={t("kbEmpty")}
      load={() => contentApi.articles().then((r) => r.articles)}
      create={(body) => contentApi.createArticle(body)}
      update={(id, body) => contentApi.updateArticle(id, body)}
      remove={(id) => contentApi.deleteArticle(id)}
      name={(a) => a.title}
      bodyName={(body) => body.title}
      columns={[t("articleTitle"), t("status"), t("updated")]}
      cells={(a) => (
        <>
          <th scope="row">{a.title}</th>
          <td>{a.published ? t("published") : t("draft")}</td>
          <td>{formatListTime(a.updatedAt)}</td>
        </>
      )}
      actions={(a) => (
        <Show when={a.published}>
          <a class="btn btn-ghost" href={articleUrl(workspaceId(), a.slug)} target="_blank" rel="noopener" aria-label={t("openPublic", { name: a.title })}>
            {t("view")}
          </a>
        </Show>
      )}
      form={(p) => <ArticleForm {...p} />}
    />
  );
}

function ArticleForm(props: ContentFormProps<Article, ArticleInput>) {
  const [title, setTitle] = createSignal(props.initial?.title ?? "");
  const [body, setBody] = createSignal(props.initial?.body ?? "");
  const [published, setPublished] = createSignal(props.initial?.published ?? true);

  return (
    <ContentForm
      label={props.initial ? t("editArticle") : t("newArticle")}
      read={() => ({ title: title(), body: body(), published: published() })}
      onCancel={() => props.onCancel()}
      onSave={(b) => props.onSave(b)}
    >
      {(field) => (
        <>
          <div class="field">
            <label for="article-title">{t("articleTitle")}</label>
            <input id="article-title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-invalid={!!field("title")} />
            <Show when={field("title")}>{(m) => <span class="field-error">{m()}</span>}</Show>
          </div>
          <div class="field">
            <label for="article-body">{t("body")}</label>
            <textarea id="article-body" rows={10} value={body()} onInput={(e) => setBody(e.currentTarget.value)} aria-invalid={!!field("body")} aria-describedby="article-body-hint" />
            <span id="article-body-hint" class="field-hint">
              {field("body") ?? t("bodyHint")}
            </span>
          </div>
          <label class="content-form-check">
            <input type="checkbox" checked={published()} onChange={(e) => setPublished(e.currentTarget.checked)} />
            {t("published")}
          </label>
        </>
      )}
    </ContentForm>
  );
}
