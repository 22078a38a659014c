/**
 * Settings → Audit log (admins): the workspace's entries newest first with filters, search and
 * "Load more", exports as CSV or JSON Lines (each export is itself an entry), and the integrity
 * check. Online only: the log is the server's record, not kept on the device; offline, the
 * section says so and waits for the connection.
 */
import type { AuditExportFormat } from "@inbox/shared/api/audit";
import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { asApiError } from "../../api/http.ts";
import { useAppState } from "../../app/index.ts";
import { formatLocale } from "../../i18n/time-words.ts";
import { auditApi } from "./audit-api.ts";
import { NO_FILTERS, filterParams, type AuditFilterDraft } from "./audit-filters.ts";
import { createAuditLog } from "./audit-log.ts";
import { AuditFilters } from "./AuditFilters.tsx";
import { AuditTable } from "./AuditTable.tsx";
import { IntegrityCheck } from "./IntegrityCheck.tsx";
import { t } from "./messages.ts";

/** Date and time to the second, in the admin's language and time zone. */
function auditTime(at: number): string {
  return new Intl.DateTimeFormat(formatLocale(), { dateStyle: "medium", timeStyle: "medium" }).format(at);
}

export function AuditSettings() {
  const { local, users } = useAppState();
  const offline = () => !local.browserOnline() || local.unreachable();
  const log = createAuditLog();
  const [draft, setDraft] = createSignal<AuditFilterDraft>(NO_FILTERS);
  const [exporting, setExporting] = createSignal(false);
  const [message, setMessage] = createSignal("");
  const [exportError, setExportError] = createSignal<string | null>(null);
  const people = createMemo(() => [...users.all()].sort((a, b) => a.name.localeCompare(b.name)));

  log.apply(new URLSearchParams());
  // Back online after a failed load: try again without being asked.
  createEffect(on(offline, (off, wasOff) => wasOff && !off && log.error() && log.reload(), { defer: true }));

  const filterTarget = (target: string) => {
    setDraft((d) => ({ ...d, target }));
    const result = filterParams(draft());
    if ("params" in result) log.apply(result.params);
  };

  const download = async (format: AuditExportFormat) => {
    setExporting(true);
    setMessage("");
    setExportError(null);
    try {
      setMessage(t("exported", { file: await auditApi.download(format, log.params()) }));
    } catch (err) {
      setExportError(asApiError(err).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section class="settings-section audit-settings" aria-labelledby="audit-settings-title">
      <div class="settings-section-head">
        <h2 id="audit-settings-title">{t("title")}</h2>
        <IntegrityCheck disabled={offline()} time={auditTime} />
      </div>
      <p class="muted">{t("intro")}</p>
      <Show when={offline()}>
        <p class="form-error" role="status">
          {t("offline")}
        </p>
      </Show>
      <AuditFilters draft={draft} setDraft={setDraft} people={people()} disabled={offline()} onApply={(params) => log.apply(params)} />
      <div class="audit-actions">
        <button type="button" class="btn" disabled={offline() || exporting()} onClick={() => void download("csv")}>
          {t("exportCsv")}
        </button>
        <button type="button" class="btn" disabled={offline() || exporting()} onClick={() => void download("jsonl")}>
          {t("exportJsonl")}
        </button>
        <span class="muted">{exporting() ? t("exporting") : t("exportHelp")}</span>
      </div>
      <p class="form-done" role="status">
        {message()}
      </p>
      <Show when={exportError()}>
        {(error) => (
          <p class="form-error" role="alert">
            {error()}
          </p>
        )}
      </Show>
      <Show when={log.error()}>
        {(error) => (
          <div class="settings-error">
            <p class="form-error" role="alert">
              {error()}
            </p>
            <button type="button" class="btn" disabled={offline()} onClick={() => log.reload()}>
              {t("tryAgain")}
            </button>
          </div>
        )}
      </Show>
      <Show
        when={log.loaded()}
        fallback={
          <Show when={!log.error()}>
            <p class="muted" role="status">
              {t("loading")}
            </p>
          </Show>
        }
      >
        <Show when={log.entries().length > 0} fallback={<p class="muted">{t("noEntries")}</p>}>
          <AuditTable entries={log.entries()} time={auditTime} onTarget={filterTarget} />
        </Show>
        <div class="audit-actions">
          <Show when={log.hasMore()} fallback={<Show when={log.entries().length > 0}><span class="muted">{t("allShown", { count: log.entries().length })}</span></Show>}>
            <button type="button" class="btn" disabled={offline() || log.loading()} onClick={() => log.more()}>
              {log.loading() ? t("loadingMore") : t("loadMore")}
            </button>
          </Show>
        </div>
      </Show>
    </section>
  );
}
