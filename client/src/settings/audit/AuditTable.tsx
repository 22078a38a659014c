/**
 * The entries as a table: time in the admin's language and zone, who, what in words, the
 * target, the address and the change; each row's details hold the browser or app and the
 * whole change. Text only: names and changes were typed by people.
 */
import type { AuditEntry } from "@inbox/shared/api/audit";
import { For, Show } from "solid-js";
import { actionWords, changeSummary, shortId, targetLabel } from "./audit-words.ts";
import { t } from "./messages.ts";

export function AuditTable(props: { entries: readonly AuditEntry[]; time: (at: number) => string; onTarget: (target: string) => void }) {
  return (
    <div class="table-wrap">
      <table class="channel-table audit-table">
        <caption class="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("time")}</th>
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("targetColumn")}</th>
            <th scope="col">{t("ip")}</th>
            <th scope="col">{t("change")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.entries}>
            {(e) => {
              const label = targetLabel(e);
              return (
                <tr data-audit-id={e.id} data-action={e.action}>
                  <td class="audit-time">
                    <time dateTime={new Date(e.at).toISOString()}>{props.time(e.at)}</time>
                  </td>
                  <td>{e.actorName ?? t("system")}</td>
                  <th scope="row">{actionWords(e.action)}</th>
                  <td>
                    <Show when={e.target} fallback={t("nothingRecorded")}>
                      {(target) => (
                        <button type="button" class="btn btn-ghost audit-target" title={target()} aria-label={t("onlyThisTarget", { target: label ?? target() })} onClick={() => props.onTarget(target())}>
                          {label ?? shortId(target())}
                        </button>
                      )}
                    </Show>
                  </td>
                  <td>{e.ip ?? t("nothingRecorded")}</td>
                  <td class="audit-change">
                    <span>{changeSummary(e)}</span>
                    <details>
                      <summary>{t("details")}</summary>
                      <p>{t("entryId", { id: e.id })}</p>
                      <p>{e.userAgent ? t("userAgent", { agent: e.userAgent }) : t("noUserAgent")}</p>
                      <pre>{JSON.stringify(e.data, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
