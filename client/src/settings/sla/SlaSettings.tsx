/**
 * Settings → Business hours & SLAs (admins): the workspace calendar and the SLA policies, with
 * add / edit / delete. Renders from the device's copy when offline (saving then waits for the
 * connection; the buttons say why).
 */
import type { SlaPolicy, SlaPolicyInput } from "@inbox/shared";
import { createMemo, createSignal, For, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { SectionNotices } from "../SectionNotices.tsx";
import { BusinessHoursForm } from "./BusinessHoursForm.tsx";
import { SlaPolicyForm } from "./SlaPolicyForm.tsx";
import { createSlaSettings } from "./sla-settings.ts";
import { targetText } from "./sla-drafts.ts";
import { t } from "./messages.ts";

export function SlaSettings() {
  const { local, conversations } = useAppState();
  const store = createSlaSettings(local.db());
  const offline = () => !local.browserOnline() || local.unreachable();
  const [message, setMessage] = createSignal("");
  const [editing, setEditing] = createSignal<string | null>(null);
  const inboxes = createMemo(() => [...conversations.inboxes().values()].sort((a, b) => a.name.localeCompare(b.name)));
  const inboxName = (id: string | null) => (id === null ? t("anyInbox") : (conversations.inboxes().get(id)?.name ?? id));
  const calendarKey = () => {
    const d = store.data();
    return d ? JSON.stringify(d.calendar) : null;
  };

  const savePolicy = async (id: string | null, input: SlaPolicyInput) => {
    setMessage("");
    const saved = await store.savePolicy(id, input);
    setEditing(null);
    setMessage(t("policySaved", { name: saved.name }));
  };
  const remove = async (p: SlaPolicy) => {
    if (!confirm(t("confirmDelete", { name: p.name }))) return;
    setMessage("");
    try {
      await store.deletePolicy(p.id);
      setMessage(t("policyDeleted", { name: p.name }));
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section class="settings-section sla-settings" aria-labelledby="sla-settings-title">
      <div class="settings-section-head">
        <h2 id="sla-settings-title">{t("title")}</h2>
      </div>
      <p class="muted">{t("intro")}</p>
      <SectionNotices offline={offline()} offlineText={t("offline")} loadError={store.loadError()} retryText={t("tryAgain")} onRetry={() => store.reload()} message={message()} />
      <Show
        when={store.data()}
        fallback={
          <Show when={!store.loadError()}>
            <p class="muted" role="status">
              {t("loading")}
            </p>
          </Show>
        }
      >
        {(data) => (
          <>
            {/* Remounted when the saved calendar changes (ours or another admin's, on reload). */}
            <Show when={calendarKey()} keyed>
              {(_key) => (
                <BusinessHoursForm
                  calendar={data().calendar}
                  offline={offline()}
                  onSave={async (calendar) => {
                    setMessage("");
                    await store.saveCalendar(calendar);
                    setMessage(t("hoursSaved"));
                  }}
                />
              )}
            </Show>

            <h3>{t("policiesTitle")}</h3>
            <p class="muted">{t("policiesHelp")}</p>
            <Show when={data().policies.length > 0} fallback={<p class="muted">{t("noPolicies")}</p>}>
              <div class="table-wrap">
                <table class="sla-policies">
                  <caption class="sr-only">{t("policiesTitle")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("policyName")}</th>
                      <th scope="col">{t("policyInbox")}</th>
                      <th scope="col">{t("policyPriority")}</th>
                      <th scope="col">{t("firstResponse")}</th>
                      <th scope="col">{t("nextResponse")}</th>
                      <th scope="col">{t("resolution")}</th>
                      <th scope="col">{t("clock")}</th>
                      <th scope="col">{t("atRisk")}</th>
                      <th scope="col">{t("actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().policies}>
                      {(p) => (
                        <tr data-policy={p.id}>
                          <th scope="row">{p.name}</th>
                          <td>{inboxName(p.inboxId)}</td>
                          <td>{p.priority ? t(`priority_${p.priority}`) : t("anyPriority")}</td>
                          <td>{targetText(p.firstResponseMinutes)}</td>
                          <td>{targetText(p.nextResponseMinutes)}</td>
                          <td>{targetText(p.resolutionMinutes)}</td>
                          <td>{p.businessHours ? t("businessTime") : t("calendarTime")}</td>
                          <td>{p.atRisk.unit === "percent" ? `${p.atRisk.value}%` : `${p.atRisk.value} min`}</td>
                          <td class="row-actions">
                            <button type="button" class="btn btn-ghost" aria-label={t("editName", { name: p.name })} onClick={() => setEditing(p.id)}>
                              {t("edit")}
                            </button>
                            <button type="button" class="btn btn-ghost" disabled={offline()} aria-label={t("deleteName", { name: p.name })} onClick={() => void remove(p)}>
                              {t("delete")}
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <Show when={data().policies.find((p) => p.id === editing())} keyed>
              {(policy) => (
                <SlaPolicyForm policy={policy} policies={data().policies} inboxes={inboxes()} offline={offline()} onSave={savePolicy} onCancel={() => setEditing(null)} />
              )}
            </Show>
            <Show when={!editing()}>
              <SlaPolicyForm policy={null} policies={data().policies} inboxes={inboxes()} offline={offline()} onSave={savePolicy} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
