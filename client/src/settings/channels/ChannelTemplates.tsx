/**
 * A WhatsApp channel's message templates (Settings → Channels): the business account id they
 * come from, "Sync templates", and every template with Meta's review status (and the reason
 * for a rejection or pause). Online only, like the rest of channel administration.
 */
import type { AdminTemplatesResponse } from "@inbox/shared/api/templates";
import { createSignal, For, Show } from "solid-js";
import { request, asApiError } from "../../api/http.ts";
import { AdminTemplatesResponseSchema } from "@inbox/shared/api/templates";
import { formatDateTime } from "../../format/time.ts";
import { ErrorMessage } from "../../ui/ErrorMessage.tsx";
import { statusWords, t } from "./template-messages.ts";

const path = (id: string) => `/api/admin/inboxes/${encodeURIComponent(id)}/templates`;

export function ChannelTemplates(props: { inboxId: string; name: string; offline: boolean; onMessage(text: string): void }) {
  const [view, setView] = createSignal<AdminTemplatesResponse | null>(null);
  const [account, setAccount] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const accountField = () => `waba-${props.inboxId}`;

  const load = () =>
    request(path(props.inboxId), { schema: AdminTemplatesResponseSchema }).then(
      (v) => {
        setView(v);
        setAccount(v.businessAccountId ?? "");
        setError(null);
      },
      (err: unknown) => setError(asApiError(err).message),
    );

  const sync = async () => {
    if (busy() || props.offline) return;
    setBusy(true);
    setError(null);
    try {
      const id = account().trim();
      const v = await request(`${path(props.inboxId)}/sync`, { body: id ? { businessAccountId: id } : {}, schema: AdminTemplatesResponseSchema });
      setView(v);
      if (!v.syncError) props.onMessage(t("syncedCount", { name: props.name, count: v.templates.length }));
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="channel-templates" onToggle={(e) => e.currentTarget.open && !view() && !props.offline && void load()}>
      <summary>{t("summary")}</summary>
      <form
        class="channel-templates-sync"
        onSubmit={(e) => {
          e.preventDefault();
          void sync();
        }}
      >
        <label for={accountField()}>{t("accountId")}</label>
        <input id={accountField()} inputMode="numeric" autocomplete="off" value={account()} onInput={(e) => setAccount(e.currentTarget.value)} />
        <p class="channel-reason">{t("accountHint")}</p>
        <button
          type="submit"
          class="btn"
          disabled={props.offline}
          aria-busy={busy()}
          aria-describedby={props.offline ? `channel-offline-${props.inboxId}` : undefined}
        >
          {busy() ? t("syncing") : t("sync")}
        </button>
      </form>
      <ErrorMessage message={error()} />
      <Show when={view()}>
        {(v) => (
          <>
            <p class="channel-reason" role="status">
              {v().syncedAt ? t("synced", { when: formatDateTime(v().syncedAt!) }) : t("neverSynced")}
            </p>
            <ErrorMessage message={v().syncError ? t("syncFailed", { reason: v().syncError! }) : null} />
            <Show when={v().templates.length > 0} fallback={<p class="channel-reason">{t("none")}</p>}>
              <div class="table-wrap">
                <table class="channel-templates-table">
                  <caption class="sr-only">{t("templatesOf", { name: props.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("colName")}</th>
                      <th scope="col">{t("colLanguage")}</th>
                      <th scope="col">{t("colCategory")}</th>
                      <th scope="col">{t("colStatus")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={v().templates}>
                      {(tpl) => (
                        <tr data-template={`${tpl.name}/${tpl.language}`}>
                          <th scope="row">{tpl.name}</th>
                          <td>{tpl.language}</td>
                          <td>{tpl.category ?? ""}</td>
                          <td classList={{ "template-status-rejected": tpl.status === "REJECTED" || tpl.status === "DISABLED" }}>
                            {statusWords(tpl.status)}
                            <Show when={tpl.reason}>
                              <span class="channel-reason"> {t("because", { reason: tpl.reason! })}</span>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </>
        )}
      </Show>
    </details>
  );
}
