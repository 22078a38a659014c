/**
 * Searching the knowledge base from the composer, and inserting an article's public link or an
 * excerpt of it. Online it asks the server; offline (or if the server fails) it searches the
 * copy on this device. Only published articles are offered: drafts are not for customers.
 */
import type { Article } from "@inbox/shared/api/content";
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { contentApi, articleUrl } from "./content-api.ts";
import { articleExcerpt, searchArticlesLocally } from "./content-search.ts";
import { contentStore } from "./content.ts";
import { t } from "./messages.ts";

const SEARCH_DELAY_MS = 200;

export function KnowledgePanel(props: { onInsert(text: string): void; onClose(): void }) {
  const { local, session } = useAppState();
  const workspaceId = () => session.me()?.workspace.id ?? "";
  const store = createMemo(() => {
    const db = local.db();
    return db ? contentStore(db) : null;
  });
  const [query, setQuery] = createSignal("");
  // The server's answer and the query it answers: results never show for another query.
  const [remote, setRemote] = createSignal<{ q: string; articles: Article[] } | null>(null);
  const [searching, setSearching] = createSignal(false);
  const online = () => local.browserOnline() && !local.unreachable();
  let input!: HTMLInputElement;

  onMount(() => {
    store()?.refresh();
    input.focus();
  });

  // Online: the server's search (debounced); a failure falls back to the device's copy.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticket = 0;
  createEffect(
    on([query, online], ([q, isOnline]) => {
      clearTimeout(timer);
      const mine = ++ticket;
      if (!isOnline) {
        setRemote(null);
        setSearching(false);
        return;
      }
      setSearching(true);
      timer = setTimeout(() => {
        contentApi.articles(q.trim()).then(
          (r) => mine === ticket && setRemote({ q: q.trim(), articles: r.articles }),
          () => mine === ticket && setRemote(null),
        ).finally(() => mine === ticket && setSearching(false));
      }, SEARCH_DELAY_MS);
    }),
  );
  onCleanup(() => clearTimeout(timer));

  const results = createMemo(() => {
    const answered = remote();
    const fresh = answered && answered.q === query().trim() ? answered.articles : null;
    return (fresh ?? searchArticlesLocally(store()?.articles() ?? [], query())).filter((a) => a.published).slice(0, 20);
  });

  return (
    <section class="kb-panel" aria-labelledby="kb-panel-title">
      <div class="kb-panel-head">
        <h2 id="kb-panel-title" class="kb-panel-title">
          {t("kbTitle")}
        </h2>
        <button type="button" class="btn btn-ghost kb-panel-close" aria-label={t("kbClose")} onClick={() => props.onClose()}>
          ×
        </button>
      </div>
      <input
        ref={input}
        type="search"
        class="kb-panel-search"
        aria-label={t("kbSearch")}
        placeholder={t("kbSearchPlaceholder")}
        value={query()}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            props.onClose();
          }
        }}
      />
      <Show when={!online()}>
        <p class="muted kb-panel-note">{t("kbOffline")}</p>
      </Show>
      <p class="sr-only" role="status">
        {searching() ? t("kbLoading") : ""}
      </p>
      <Show when={results().length > 0} fallback={<p class="muted kb-panel-note">{query().trim() ? t("kbEmpty") : t("kbNone")}</p>}>
        <ul class="kb-panel-results" aria-label={t("kbResults")}>
          <For each={results()}>
            {(a) => (
              <li class="kb-panel-article">
                <span class="kb-panel-article-title">{a.title}</span>
                <span class="kb-panel-article-excerpt">{articleExcerpt(a.body, 160)}</span>
                <span class="kb-panel-actions">
                  <button type="button" class="btn" aria-label={t("kbInsertLinkTo", { title: a.title })} onClick={() => props.onInsert(`${a.title}: ${articleUrl(workspaceId(), a.slug)}`)}>
                    {t("kbInsertLink")}
                  </button>
                  <button type="button" class="btn" aria-label={t("kbInsertExcerptOf", { title: a.title })} onClick={() => props.onInsert(articleExcerpt(a.body))}>
                    {t("kbInsertExcerpt")}
                  </button>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
