/** The lines of <BulkResults> (a chunk of its own, fetched when there is a line to show). */
import { For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { forgetGroup, type BulkGroup } from "../sync/bulk-ledger.ts";
import { t } from "./messages.ts";
import { summarize } from "./summary.ts";

export function BulkResultLines(props: { groups: readonly BulkGroup[] }) {
  const { local } = useAppState();
  return (
    <section class="bulk-results notices" aria-label={t("results")}>
      <For each={props.groups}>
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
  );
}
