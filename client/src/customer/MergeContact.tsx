/**
 * Merging a duplicate into the open contact: search the contacts the agent may see, pick the
 * duplicate, confirm. The server moves its conversations and channels here in one go; this
 * device then shows them under this contact. Needs the server, so it is off while offline.
 */
import { contactDisplayName, type Contact } from "@inbox/shared";
import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { ApiError } from "../api/http.ts";
import { useAppState } from "../app/index.ts";
import { contactApi } from "./contact-api.ts";
import type { ContactPanel } from "./contact-panel.ts";
import { ChannelBadge } from "../ui/ChannelBadge.tsx";
import { ErrorMessage } from "../ui/ErrorMessage.tsx";
import { t } from "./messages.ts";

const SEARCH_DEBOUNCE_MS = 250;

export function MergeContact(props: { contact: Contact; panel: ContactPanel }) {
  const { local } = useAppState();
  const [open, setOpen] = createSignal(false);
  const [query, setQuery] = createSignal("");
  const [results, setResults] = createSignal<Contact[] | null>(null);
  const [picked, setPicked] = createSignal<Contact | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const online = () => local.browserOnline();
  const failed = (err: unknown) => setError(err instanceof ApiError ? err.message : t("mergeOffline"));

  createEffect(
    on(query, (q) => {
      setResults(null);
      if (!q.trim()) return;
      let current = true;
      const timer = setTimeout(() => {
        contactApi.search(q.trim()).then(
          (r) => current && setResults(r.contacts.filter((c) => c.id !== props.contact.id)),
          (err) => current && failed(err),
        );
      }, SEARCH_DEBOUNCE_MS);
      onCleanup(() => {
        current = false;
        clearTimeout(timer);
      });
    }),
  );

  const reset = () => {
    setOpen(false);
    setQuery("");
    setPicked(null);
    setError(null);
  };
  const confirm = async () => {
    const duplicate = picked();
    if (!duplicate) return;
    setBusy(true);
    setError(null);
    try {
      const result = await props.panel.merge(duplicate.id);
      reset();
      setDone(t("merged", { duplicate: contactDisplayName(duplicate), kept: contactDisplayName(result.contact) }));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="info-section" aria-labelledby="info-merge-title">
      <h3 id="info-merge-title" class="sr-only">
        {t("mergeTitle")}
      </h3>
      <Show when={done()}>
        {(text) => (
          <p class="merge-done" role="status">
            {text()}
          </p>
        )}
      </Show>
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="btn btn-ghost"
            aria-expanded="false"
            disabled={!online()}
            onClick={() => {
              setDone(null);
              setOpen(true);
            }}
          >
            {t("merge")}
          </button>
        }
      >
        <div class="merge-panel">
          <label class="field">
            <span>{t("mergeSearch")}</span>
            <input type="search" placeholder={t("mergeSearchPlaceholder")} value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          <Show when={!picked()}>
            <Show when={results()}>
              {(list) => (
                <Show when={list().length > 0} fallback={<p class="muted small">{t("mergeNoResults")}</p>}>
                  <ul class="merge-results" aria-label={t("mergeResults")}>
                    <For each={list()}>
                      {(c) => (
                        <li class="merge-result">
                          <span class="merge-who">
                            <span>{contactDisplayName(c)}</span>
                            <span class="muted small">{[c.email, c.phone].filter(Boolean).join(" · ")}</span>
                            <span>
                              <For each={c.identities}>{(i) => <ChannelBadge channel={i.channel} />}</For>
                            </span>
                          </span>
                          <button type="button" class="btn btn-ghost" onClick={() => setPicked(c)}>
                            {t("mergePick", { name: contactDisplayName(c) })}
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              )}
            </Show>
          </Show>
          <Show when={picked()}>
            {(duplicate) => (
              <div class="merge-confirm" role="group" aria-label={t("mergeTitle")}>
                <p>
                  {t("mergeConfirm", { duplicate: contactDisplayName(duplicate()), kept: contactDisplayName(props.contact) })}
                </p>
                <div class="form-actions">
                  <button type="button" class="btn btn-primary" disabled={busy() || !online()} onClick={() => void confirm()}>
                    {t("mergeConfirmButton")}
                  </button>
                  <button type="button" class="btn btn-ghost" onClick={() => setPicked(null)}>
                    {t("cancel")}
                  </button>
                </div>
              </div>
            )}
          </Show>
          <Show when={!picked()}>
            <button type="button" class="btn btn-ghost" onClick={reset}>
              {t("cancel")}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={!online()}>
        <p class="muted small">{t("mergeOffline")}</p>
      </Show>
      <ErrorMessage message={error()} />
    </section>
  );
}
