/** Writing one rule: name, when it runs, conditions and actions added and removed, checked before it is sent. */
import type { RuleChoices } from "@inbox/shared/api/routing-rules";
import type { RoutingRule, RoutingRuleInput, RuleActionType, RuleConditionType } from "@inbox/shared/domain/routing-rules";
import { createEffect, createSignal, For, Show } from "solid-js";
import { createStore, produce, unwrap } from "solid-js/store";
import { asApiError } from "../../api/http.ts";
import { ActionFields } from "./ActionFields.tsx";
import { ConditionFields } from "./ConditionFields.tsx";
import { ACTION_TYPES, CONDITION_TYPES, EMPTY_RULE, inputFromDraft, newAction, newCondition, ruleDraft, type RuleDraft } from "./rule-drafts.ts";
import { problemText, t } from "./messages.ts";

export function RuleEditor(props: {
  rule: RoutingRule | null;
  choices: RuleChoices;
  disabled: boolean;
  onSave(input: RoutingRuleInput): Promise<unknown>;
  onCancel(): void;
  /** The draft as it stands whenever it reads as a rule (null when it does not), for the test panel. */
  onDraft(input: RoutingRuleInput | null): void;
}) {
  const [draft, setDraft] = createStore<RuleDraft>(structuredClone(props.rule ? ruleDraft(props.rule) : EMPTY_RULE));
  const [errors, setErrors] = createSignal<string[]>([]);
  const [saving, setSaving] = createSignal(false);
  const title = () => (props.rule ? t("editRule", { name: props.rule.name }) : t("newRule"));
  const used = () => new Set(draft.conditions.map((c) => c.type));

  createEffect(() => {
    // Read deeply so every edit re-runs this.
    const checked = inputFromDraft(JSON.parse(JSON.stringify(draft)) as RuleDraft);
    props.onDraft(checked.ok ? checked.value : null);
  });

  const addCondition = (type: RuleConditionType) => setDraft("conditions", (list) => [...list, newCondition(type)]);
  // A team, person or canned reply is never picked for the admin: the select asks for one.
  const addAction = (type: RuleActionType) => setDraft("actions", (list) => [...list, newAction(type)]);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const checked = inputFromDraft(unwrap(draft));
    if (!checked.ok) return setErrors(checked.problems.map(problemText));
    setErrors([]);
    setSaving(true);
    try {
      await props.onSave(checked.value);
    } catch (err) {
      setErrors([asApiError(err).message]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="rule-editor" aria-label={title()} noValidate onSubmit={(e) => void submit(e)}>
      <h3>{title()}</h3>
      <label class="field">
        <span>{t("ruleName")}</span>
        <input type="text" maxLength={80} value={draft.name} onInput={(e) => setDraft("name", e.currentTarget.value)} />
      </label>
      <fieldset class="rule-triggers">
        <legend>{t("runsOn")}</legend>
        <label>
          <input type="checkbox" checked={draft.onCreated} onChange={(e) => setDraft("onCreated", e.currentTarget.checked)} /> {t("onCreated")}
        </label>
        <label>
          <input type="checkbox" checked={draft.onMessage} onChange={(e) => setDraft("onMessage", e.currentTarget.checked)} /> {t("onMessage")}
        </label>
      </fieldset>

      <h4>{t("conditions")}</h4>
      <Show when={draft.conditions.length === 0}>
        <p class="muted">{t("noConditions")}</p>
      </Show>
      <For each={draft.conditions}>
        {(condition, i) => (
          <ConditionFields
            condition={condition}
            index={i()}
            choices={props.choices}
            onChange={(patch) => setDraft("conditions", i(), patch)}
            onRemove={() => setDraft("conditions", produce((list) => void list.splice(i(), 1)))}
          />
        )}
      </For>
      <AddSelect
        label={t("addCondition")}
        options={CONDITION_TYPES.filter((c) => !used().has(c)).map((c) => ({ value: c, label: t(`cond_${c}`) }))}
        onPick={(v) => addCondition(v as RuleConditionType)}
      />

      <h4>{t("actions")}</h4>
      <For each={draft.actions}>
        {(action, i) => (
          <ActionFields
            action={action}
            index={i()}
            choices={props.choices}
            onChange={(patch) => setDraft("actions", i(), patch)}
            onRemove={() => setDraft("actions", produce((list) => void list.splice(i(), 1)))}
          />
        )}
      </For>
      <AddSelect label={t("addAction")} options={ACTION_TYPES.map((a) => ({ value: a, label: t(`act_${a}`) }))} onPick={(v) => addAction(v as RuleActionType)} />

      <Show when={errors().length > 0}>
        <ul class="form-error rule-errors" role="alert">
          <For each={errors()}>{(e) => <li>{e}</li>}</For>
        </ul>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={props.disabled || saving()}>
          {saving() ? t("saving") : t("save")}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/** A select that adds what is picked and goes back to its prompt. */
function AddSelect(props: { label: string; options: { value: string; label: string }[]; onPick(value: string): void }) {
  return (
    <select
      class="rule-add"
      aria-label={props.label}
      onChange={(e) => {
        const v = e.currentTarget.value;
        e.currentTarget.value = "";
        if (v) props.onPick(v);
      }}
    >
      <option value="" selected>
        {props.label}
      </option>
      <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
    </select>
  );
}
