/**
 * Settings → Routing rules (admins): the rules in evaluation order, each switched on or off,
 * moved up or down, edited or deleted; a new rule; and "Test a message" on the rules as they
 * are, with the rule being edited in place of its saved version. Online only (rules-api.ts).
 */
import { SectionNotices } from "../SectionNotices.tsx";
import type { RoutingRule, RoutingRuleInput } from "@inbox/shared/domain/routing-rules";
import { createSignal, For, Show } from "solid-js";
import { useAppState } from "../../app/index.ts";
import { asApiError } from "../../api/http.ts";
import { RuleEditor } from "./RuleEditor.tsx";
import { RuleTestPanel } from "./RuleTestPanel.tsx";
import { moved } from "./rule-drafts.ts";
import { actionsWords, conditionsWords } from "./rule-words.ts";
import { createRulesStore, rulesApi } from "./rules-api.ts";
import { t } from "./messages.ts";

/** The editor is open on a saved rule (its id), on a new one ("new"), or closed (null). */
type Editing = string | "new" | null;

export function RoutingRulesSettings() {
  const { local } = useAppState();
  const store = createRulesStore();
  const offline = () => !local.browserOnline() || local.unreachable();
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal("");
  const [editing, setEditing] = createSignal<Editing>(null);
  const [draft, setDraft] = createSignal<RoutingRuleInput | null>(null);
  const rules = () => store.data()?.rules ?? [];

  const act = async (work: () => Promise<string>) => {
    setError("");
    setMessage("");
    try {
      setMessage(await work());
    } catch (err) {
      setError(asApiError(err).message);
    }
    await store.reload();
  };
  const save = async (input: RoutingRuleInput) => {
    const id = editing();
    const { rule } = id && id !== "new" ? await rulesApi.update(id, input) : await rulesApi.create(input);
    close();
    setError("");
    setMessage(t("saved", { name: rule.name }));
    await store.reload();
  };
  const close = () => {
    setEditing(null);
    setDraft(null);
  };
  const open = (which: Editing) => {
    setDraft(null);
    setEditing(which);
  };
  const move = (rule: RoutingRule, by: -1 | 1) =>
    act(async () => {
      await rulesApi.reorder(moved(rules().map((r) => r.id), rule.id, by));
      return t("reordered");
    });
  const toggle = (rule: RoutingRule, enabled: boolean) =>
    act(async () => {
      await rulesApi.setEnabled(rule.id, enabled);
      return t(enabled ? "switchedOn" : "switchedOff", { name: rule.name });
    });
  const remove = (rule: RoutingRule) => {
    if (!confirm(t("confirmDelete", { name: rule.name }))) return;
    if (editing() === rule.id) close();
    void act(async () => {
      await rulesApi.remove(rule.id);
      return t("deleted", { name: rule.name });
    });
  };
  const testDraft = () => {
    const d = draft();
    const id = editing();
    return d && id ? { id: id === "new" ? null : id, rule: d } : null;
  };

  return (
    <section class="settings-section routing-rules-settings" aria-labelledby="routing-rules-title">
      <div class="settings-section-head">
        <h2 id="routing-rules-title">{t("title")}</h2>
        <button type="button" class="btn" disabled={offline() || !store.data()} onClick={() => open("new")}>
          {t("addRule")}
        </button>
      </div>
      <p class="muted">{t("intro")}</p>
      <SectionNotices
        offline={offline()}
        offlineText={t("offline")}
        loadError={store.loadError()}
        retryText={t("tryAgain")}
        onRetry={() => void store.reload()}
        message={message()}
        error={error()}
      />
      <Show when={store.data()} fallback={<p class="muted">{t("loading")}</p>}>
        {(data) => (
          <>
            <Show when={data().rules.length > 0} fallback={<p class="muted">{t("noRules")}</p>}>
              <table class="settings-table routing-rules-table">
                <caption class="sr-only">{t("title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("order")}</th>
                    <th scope="col">{t("enabled")}</th>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("when")}</th>
                    <th scope="col">{t("then")}</th>
                    <th scope="col">
                      <span class="sr-only">{t("edit")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().rules}>
                    {(rule, i) => (
                      <tr data-rule={rule.name} classList={{ "is-deactivated": !rule.enabled }}>
                        <td class="rule-order">
                          <button type="button" class="btn btn-ghost" aria-label={t("moveUp", { name: rule.name })} disabled={offline() || i() === 0} onClick={() => void move(rule, -1)}>
                            ↑
                          </button>
                          <button
                            type="button"
                            class="btn btn-ghost"
                            aria-label={t("moveDown", { name: rule.name })}
                            disabled={offline() || i() === data().rules.length - 1}
                            onClick={() => void move(rule, 1)}
                          >
                            ↓
                          </button>
                        </td>
                        <td>
                          <input type="checkbox" aria-label={t("enableRule", { name: rule.name })} checked={rule.enabled} disabled={offline()} onChange={(e) => void toggle(rule, e.currentTarget.checked)} />
                        </td>
                        <td>
                          <strong>{rule.name}</strong>
                        </td>
                        <td>{conditionsWords(rule.conditions, data().choices)}</td>
                        <td>{actionsWords(rule.actions, data().choices)}</td>
                        <td class="rule-buttons">
                          <button type="button" class="btn" disabled={offline()} onClick={() => open(rule.id)}>
                            {t("edit")}
                          </button>
                          <button type="button" class="btn btn-danger" disabled={offline()} onClick={() => remove(rule)}>
                            {t("delete")}
                          </button>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Show when={editing()} keyed>
              {(which) => (
                <RuleEditor
                  rule={which === "new" ? null : (data().rules.find((r) => r.id === which) ?? null)}
                  choices={data().choices}
                  disabled={offline()}
                  onSave={save}
                  onCancel={close}
                  onDraft={setDraft}
                />
              )}
            </Show>
            <RuleTestPanel choices={data().choices} draft={testDraft()} disabled={offline()} />
          </>
        )}
      </Show>
    </section>
  );
}
