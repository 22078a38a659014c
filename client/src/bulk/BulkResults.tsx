/**
 * The summaries of bulk actions: one line per action while its answers come in ("2 waiting to
 * send" offline) and once all have landed, with the chats not changed and why, until dismissed.
 * Read from the local database, so an action answered after a reload (or in another tab) shows
 * here too; label actions a reload interrupted are resumed.
 */
import { createEffect, For, on, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { createLiveQuery } from "../local/live-query.ts";
import { forgetGroup, loadGroups, type BulkGroup } from "../sync/bulk-ledger.ts";
import { t } from "./messages.ts";
import { labelEach } from "./run-bulk.ts";
import { summarize } from "./summary.ts";

export function BulkResults() {
  const { local } = useAppState();
  const groups = createLiveQuery(() => local.db(), loadGroups, [] as BulkGroup[], {
    // Unchanged groups keep their objects, so their lines (and an opened details list) stay as they are.
    map: (next, prev) =>
      next.map((g) => {
        const before = prev.find((p) => p.id === g.id);
        return before && JSON.stringify(before) === JSON.stringify(g) ? before : g;
      }),
  });
  createEffect(
    on(groups.loaded, (loaded) => {
      const db = local.db();
      const docs = local.workDocs();
      if (!loaded || !db || !docs) return;
      for (const g of groups()) if (g.action.kind === "label") void labelEach(db, docs, g);
    }),
  );
  return (
    <Show when={groups().length > 0}>
      <section class="bulk-results notices" aria-label={t("results")}>
        <For each={groups()}>
          {(group) => {
            const s = () => summarize(group);
            return (
              <div class="notice bulk-result" data-bulk={group.id} data-settled={s().settled ? "true" : "false"}>
                <div class="notice-text">
                  <p role="status">{s().text}</p>
                  <Show when={s().failures.length > 0}>
                    <details>
                      <summary>{t("details", { count: s().failures.length })}</summary>
                      <ul>
                        <For each={s().failures}>
                          {(f) => (
                            <li>
                              <strong>{f.contactName}</strong>: {f.message}
                            </li>
                          )}
                        </For>
                      </ul>
                    </details>
                  </Show>
                </div>
                <button type="button" class="btn btn-ghost notice-dismiss" onClick={() => void (local.db() && forgetGroup(local.db()!, group.id))}>
                  {t("dismiss")}
                </button>
              </div>
            );
          }}
        </For>
      </section>
    </Show>
  );
}
