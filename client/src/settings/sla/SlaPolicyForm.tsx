/** Adding or changing one SLA policy: scope (inbox, priority), targets, clock and at-risk threshold. */
import type { Inbox, SlaPolicy, SlaPolicyInput } from "@inbox/shared";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { EMPTY_POLICY, policyDraft, policyFromDraft, TARGET_FIELDS, TARGET_LABEL, type PolicyDraft } from "./sla-drafts.ts";
import { t } from "./messages.ts";

const PRIORITIES = ["urgent", "high", "normal", "low"] as const;

export function SlaPolicyForm(props: {
  policy: SlaPolicy | null;
  policies: readonly SlaPolicy[];
  inboxes: readonly Inbox[];
  offline: boolean;
  onSave(id: string | null, input: SlaPolicyInput): Promise<unknown>;
  onCancel?(): void;
}) {
  const [draft, setDraft] = createStore<PolicyDraft>(structuredClone(props.policy ? policyDraft(props.policy) : EMPTY_POLICY));
  const [errors, setErrors] = createSignal<string[]>([]);
  const [saving, setSaving] = createSignal(false);
  const title = () => (props.policy ? t("editPolicy", { name: props.policy.name }) : t("newPolicy"));
  const formId = `sla-policy-${props.policy?.id ?? "new"}`;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const checked = policyFromDraft(draft, props.policies, props.policy?.id ?? null);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors([]);
    setSaving(true);
    try {
      await props.onSave(props.policy?.id ?? null, checked.value);
      if (!props.policy) setDraft(structuredClone(EMPTY_POLICY));
    } catch (err) {
      setErrors([err instanceof Error ? err.message : String(err)]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="sla-policy-form" id={formId} aria-label={title()} noValidate onSubmit={(e) => void submit(e)}>
      <h4>{title()}</h4>
      <div class="sla-policy-grid">
        <label class="field">
          <span>{t("policyName")}</span>
          <input type="text" maxLength={80} value={draft.name} onInput={(e) => setDraft("name", e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t("policyInbox")}</span>
          <select value={draft.inboxId} onChange={(e) => setDraft("inboxId", e.currentTarget.value)}>
            <option value="" selected={draft.inboxId === ""}>
              {t("anyInbox")}
            </option>
            <For each={props.inboxes}>
              {(inbox) => (
                <option value={inbox.id} selected={inbox.id === draft.inboxId}>
                  {inbox.name}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field">
          <span>{t("policyPriority")}</span>
          <select value={draft.priority} onChange={(e) => setDraft("priority", e.currentTarget.value as PolicyDraft["priority"])}>
            <option value="" selected={draft.priority === ""}>
              {t("anyPriority")}
            </option>
            <For each={PRIORITIES}>
              {(p) => (
                <option value={p} selected={p === draft.priority}>
                  {t(`priority_${p}`)}
                </option>
              )}
            </For>
          </select>
        </label>
      </div>
      <fieldset class="sla-targets">
        <legend>{t("targets")}</legend>
        <p class="muted">{t("targetHelp")}</p>
        <For each={TARGET_FIELDS}>
          {(f) => {
            const label = t(TARGET_LABEL[f]);
            return (
              <div class="sla-target" data-target={f}>
                <span class="sla-target-name">{label}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  size={6}
                  aria-label={t("targetValue", { target: label })}
                  placeholder={t("noTarget")}
                  value={draft.targets[f].value}
                  onInput={(e) => setDraft("targets", f, "value", e.currentTarget.value)}
                />
                <select aria-label={t("targetUnit", { target: label })} value={draft.targets[f].unit} onChange={(e) => setDraft("targets", f, "unit", e.currentTarget.value as "minutes" | "hours")}>
                  <option value="minutes" selected={draft.targets[f].unit === "minutes"}>
                    {t("minutes")}
                  </option>
                  <option value="hours" selected={draft.targets[f].unit === "hours"}>
                    {t("hours")}
                  </option>
                </select>
              </div>
            );
          }}
        </For>
      </fieldset>
      <fieldset class="sla-clock">
        <legend>{t("clock")}</legend>
        <label>
          <input type="radio" name={`${formId}-clock`} checked={draft.businessHours} onChange={() => setDraft("businessHours", true)} /> {t("businessTime")}
        </label>
        <label>
          <input type="radio" name={`${formId}-clock`} checked={!draft.businessHours} onChange={() => setDraft("businessHours", false)} /> {t("calendarTime")}
        </label>
      </fieldset>
      <div class="sla-at-risk">
        <label class="field">
          <span>{t("atRiskValue")}</span>
          <input type="text" inputMode="numeric" size={4} value={draft.atRiskValue} onInput={(e) => setDraft("atRiskValue", e.currentTarget.value)} />
        </label>
        <select aria-label={t("atRiskUnit")} value={draft.atRiskUnit} onChange={(e) => setDraft("atRiskUnit", e.currentTarget.value as "percent" | "minutes")}>
          <option value="percent" selected={draft.atRiskUnit === "percent"}>
            {t("percentOfTarget")}
          </option>
          <option value="minutes" selected={draft.atRiskUnit === "minutes"}>
            {t("minutesLeftUnit")}
          </option>
        </select>
      </div>
      <Show when={errors().length > 0}>
        <ul class="form-error" role="alert">
          <For each={errors()}>{(e) => <li>{e}</li>}</For>
        </ul>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn" disabled={saving() || props.offline} aria-busy={saving()}>
          {saving() ? t("saving") : props.policy ? t("savePolicy") : t("addPolicy")}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="btn btn-ghost" onClick={() => props.onCancel?.()}>
            {t("cancel")}
          </button>
        </Show>
      </div>
    </form>
  );
}
