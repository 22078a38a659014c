/**
 * The customer panel's suggestions (issue 15): canned responses and articles for the latest
 * customer message, inserted into the reply in one click, and resolved conversations like this
 * one with how they were answered. Replies are ranked on the device (works offline); similar
 * conversations come from the server, its last answer kept per conversation, and offline are
 * ranked over what this device holds. Customer text is shown as text, never as HTML.
 */
import { contactDisplayName, type Conversation } from "@inbox/shared";
import type { Article, CannedResponse } from "@inbox/shared/api/content";
import type { SimilarConversation } from "@inbox/shared/api/insights";
import { fillCannedVariables, firstName, type CannedVars } from "@inbox/shared/domain/canned-vars";
import { queryFromMessages } from "@inbox/shared/domain/similar";
import { createEffect, createMemo, createSignal, For, on, onMount, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { articleUrl, contentStore, draftOf } from "../composer/index.ts";
import { formatListTime } from "../format/time.ts";
import { ChannelBadge } from "../ui/ChannelBadge.tsx";
import { insightsApi } from "./insights-api.ts";
import { t } from "./messages.ts";
import { loadSimilar, saveSimilar } from "./similar-cache.ts";
import { rankOnDevice, said } from "./similar-local.ts";
import { suggestContent } from "./suggest.ts";
import "./insights.css";

const SIMILAR_LIMIT = 5;

/** Where the similar list came from, for the note under it. */
type Source = { kind: "server" } | { kind: "cache"; at: number } | { kind: "device"; afterError: boolean };

interface SimilarState {
  conversationId: string;
  items: SimilarConversation[];
  source: Source;
}

export function Suggestions(props: { conversation: Conversation }) {
  const { local, selection, session } = useAppState();
  const online = () => local.browserOnline() && !local.unreachable();
  const conversationId = () => props.conversation.id;

  const said_ = createMemo(() => said(selection.timeline()));
  const latestCustomerText = createMemo(() => said_().filter((m) => m.senderKind === "customer" && m.text.trim() !== "").at(-1)?.text ?? "");
  const query = createMemo(() => queryFromMessages(said_()));

  // ---------- suggested replies: ranked on the device over the composer's content copy ----------
  const store = createMemo(() => {
    const db = local.db();
    return db ? contentStore(db) : null;
  });
  onMount(() => store()?.refresh());
  const replies = createMemo(() =>
    suggestContent({ canned: store()?.canned() ?? [], articles: store()?.articles() ?? [] }, latestCustomerText()),
  );

  const [notice, setNotice] = createSignal("");
  const cannedVars = (): CannedVars => {
    const contact = selection.contact();
    const agentName = session.me()?.user.name ?? "";
    return {
      contactName: contact ? contactDisplayName(contact) : props.conversation.contactName,
      contactFirstName: contact?.name ? firstName(contact.name) : "",
      contactEmail: contact?.email ?? "",
      agentName,
      agentFirstName: firstName(agentName),
      inboxName: selection.inbox()?.name ?? "",
      conversationId: conversationId(),
    };
  };
  const insert = (text: string) => {
    const target = draftOf(conversationId());
    if (!target) return setNotice(t("noReplyBox"));
    target.insert(text);
    setNotice(t("inserted"));
  };
  const insertCanned = (c: CannedResponse) => insert(fillCannedVariables(c.text, cannedVars()));
  const insertArticle = (a: Article) => insert(`${a.title}: ${articleUrl(session.me()?.workspace.id ?? "", a.slug)}`);

  // ---------- similar conversations: the server's answer, else the last one kept, else the device's ranking ----------
  const [similar, setSimilar] = createSignal<SimilarState | null>(null);
  let ticket = 0;
  createEffect(
    on([conversationId, query, online, local.db], ([id, q, isOnline, db]) => {
      const mine = ++ticket;
      setNotice("");
      if (similar()?.conversationId !== id) setSimilar(null);
      const show = (items: SimilarConversation[], source: Source) => {
        if (mine === ticket) setSimilar({ conversationId: id, items, source });
      };
      const onDevice = async (afterError: boolean) => {
        if (!db) return show([], { kind: "device", afterError });
        const cached = await loadSimilar(db, id);
        if (cached) return show(cached.similar, { kind: "cache", at: cached.at });
        const user = session.me()?.user ?? null;
        show(await rankOnDevice(db, { openId: id, query: q, viewer: user, limit: SIMILAR_LIMIT }).catch(() => []), { kind: "device", afterError });
      };
      if (!isOnline) return void onDevice(false);
      insightsApi.similar(id, SIMILAR_LIMIT).then(
        (res) => {
          show(res.similar, { kind: "server" });
          if (db) void saveSimilar(db, id, res.similar);
        },
        () => void onDevice(true),
      );
    }),
  );

  const sourceNote = () => {
    const s = similar()?.source;
    if (!s || s.kind === "server") return "";
    if (s.kind === "cache") return t("cachedAt", { time: formatListTime(s.at) });
    return s.afterError ? t("serverFailed") : t("onDevice");
  };

  return (
    <>
      <section class="info-section insights" aria-labelledby="insights-replies-title">
        <h3 id="insights-replies-title">{t("suggestedReplies")}</h3>
        <Show when={latestCustomerText()} fallback={<p class="muted small">{t("noCustomerMessage")}</p>}>
          <Show
            when={replies().canned.length + replies().articles.length > 0}
            fallback={<p class="muted small">{t("noReplySuggestions")}</p>}
          >
            <ul class="insights-list" aria-label={t("suggestedReplies")}>
              <For each={replies().canned}>
                {(c) => (
                  <li class="insights-item">
                    <span class="insights-top">
                      <span class="insights-badge">{t("cannedBadge")}</span>
                      <span class="insights-title">{c.title}</span>
                    </span>
                    <span class="insights-text">{fillCannedVariables(c.text, cannedVars())}</span>
                    <button type="button" class="btn insights-insert" aria-label={t("insertCanned", { title: c.title })} onClick={() => insertCanned(c)}>
                      {t("insert")}
                    </button>
                  </li>
                )}
              </For>
              <For each={replies().articles}>
                {(a) => (
                  <li class="insights-item">
                    <span class="insights-top">
                      <span class="insights-badge">{t("articleBadge")}</span>
                      <span class="insights-title">{a.title}</span>
                    </span>
                    <button type="button" class="btn insights-insert" aria-label={t("insertArticle", { title: a.title })} onClick={() => insertArticle(a)}>
                      {t("insert")}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
        <p class="muted small insights-notice" role="status" aria-live="polite">
          {notice()}
        </p>
      </section>

      <section class="info-section insights" aria-labelledby="insights-similar-title">
        <h3 id="insights-similar-title">{t("similarConversations")}</h3>
        <Show when={query()} fallback={<p class="muted small">{t("noCustomerMessage")}</p>}>
          <Show when={similar()} fallback={<p class="muted small">{t("loadingSimilar")}</p>}>
            {(state) => (
              <>
                <Show when={state().items.length > 0} fallback={<p class="muted small">{t("noSimilar")}</p>}>
                  <ul class="history-list" aria-label={t("similarConversations")}>
                    <For each={state().items}>{(s) => <SimilarItem item={s} onOpen={() => selection.select(s.id)} />}</For>
                  </ul>
                </Show>
                <Show when={sourceNote()}>
                  <p class="muted small insights-source">{sourceNote()}</p>
                </Show>
              </>
            )}
          </Show>
        </Show>
      </section>
    </>
  );
}

function SimilarItem(props: { item: SimilarConversation; onOpen(): void }) {
  return (
    <li>
      <button
        type="button"
        class="history-item insights-similar"
        title={t("openSimilar", { name: props.item.contactName, time: formatListTime(props.item.lastActivityAt) })}
        onClick={() => props.onOpen()}
      >
        <span class="history-top">
          <ChannelBadge channel={props.item.channel} />
          <span class="insights-title">{props.item.contactName}</span>
          <span class="history-time">{formatListTime(props.item.lastActivityAt)}</span>
        </span>
        <span class="insights-text">
          <span class="insights-label">{t("problem")}: </span>
          {props.item.problem}
        </span>
        <span class="insights-text insights-answer">
          <Show when={props.item.answer} fallback={t("noAnswer")}>
            {(answer) => (
              <>
                <span class="insights-label">{t("answer")}: </span>
                {answer()}
              </>
            )}
          </Show>
        </span>
      </button>
    </li>
  );
}
