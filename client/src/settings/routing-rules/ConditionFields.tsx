/** One condition of a rule being edited: its values, with the input its kind needs. */
import { CHANNEL_TYPES, PrioritySchema } from "@inbox/shared";
import type { RuleChoices } from "@inbox/shared/api/routing-rules";
import { For, Match, Show, Switch } from "solid-js";
import { CHANNEL_LABELS } from "../../format/labels.ts";
import { LabelChips } from "./LabelChips.tsx";
import type { ConditionDraft } from "./rule-drafts.ts";
import { t } from "./messages.ts";

const SENTIMENTS = ["negative", "neutral", "positive"] as const;

export function ConditionFields(props: { condition: ConditionDraft; index: number; choices: RuleChoices; onChange(patch: Partial<ConditionDraft>): void; onRemove(): void }) {
  const name = () => t(`cond_${props.condition.type}`);
  const toggle = (value: string, on: boolean) => props.onChange({ values: on ? [...props.condition.values, value] : props.condition.values.filter((v) => v !== value) });
  const ticks = (options: readonly { value: string; label: string }[]) => (
    <div class="rule-ticks" role="group" aria-label={name()}>
      <For each={options}>
        {(o) => (
          <label>
            <input type="checkbox" checked={props.condition.values.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} /> {o.label}
          </label>
        )}
      </For>
    </div>
  );
  const lines = (help?: string) => (
    <>
      <textarea rows={3} aria-label={name()} value={props.condition.lines} onInput={(e) => props.onChange({ lines: e.currentTarget.value })} />
      <span class="field-hint">
        {t("onePerLine")} {help ?? ""}
      </span>
    </>
  );

  return (
    <fieldset class="rule-part" data-condition={props.condition.type}>
      <legend>
        {props.index + 1}. {name()}
      </legend>
      <Switch>
        <Match when={props.condition.type === "text_contains" || props.condition.type === "contact_company"}>{lines()}</Match>
        <Match when={props.condition.type === "text_matches"}>{lines(t("patternHelp"))}</Match>
        <Match when={props.condition.type === "contact_language"}>
          {lines()}
          <p class="field-hint rule-note">{t("languageNote")}</p>
        </Match>
        <Match when={props.condition.type === "channel"}>{ticks(CHANNEL_TYPES.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })))}</Match>
        <Match when={props.condition.type === "inbox"}>{ticks(props.choices.inboxes.map((i) => ({ value: i.id, label: i.name })))}</Match>
        <Match when={props.condition.type === "priority"}>{ticks(PrioritySchema.options.map((p) => ({ value: p, label: t(`priority_${p}`) })))}</Match>
        <Match when={props.condition.type === "labels"}>
          <LabelChips labels={props.condition.values} name={name()} onChange={(values) => props.onChange({ values })} />
        </Match>
        <Match when={props.condition.type === "sentiment"}>
          {ticks(SENTIMENTS.map((v) => ({ value: v, label: t(`sentiment_${v}`) })))}
          <p class="field-hint rule-note">{t("insightNote")}</p>
        </Match>
        <Match when={props.condition.type === "urgency"}>
          <select aria-label={name()} value={props.condition.flag ? "yes" : "no"} onChange={(e) => props.onChange({ flag: e.currentTarget.value === "yes" })}>
            <option value="yes">{t("urgentYes")}</option>
            <option value="no">{t("urgentNo")}</option>
          </select>
          <p class="field-hint rule-note">{t("urgencyNote")}</p>
        </Match>
        <Match when={props.condition.type === "contact_vip" || props.condition.type === "business_hours"}>
          <select aria-label={name()} value={props.condition.flag ? "yes" : "no"} onChange={(e) => props.onChange({ flag: e.currentTarget.value === "yes" })}>
            <Show
              when={props.condition.type === "contact_vip"}
              fallback={
                <>
                  <option value="yes">{t("withinHours")}</option>
                  <option value="no">{t("outsideHours")}</option>
                </>
              }
            >
              <option value="yes">{t("vipYes")}</option>
              <option value="no">{t("vipNo")}</option>
            </Show>
          </select>
        </Match>
      </Switch>
      <button type="button" class="btn btn-ghost rule-remove" aria-label={t("removeCondition", { n: props.index + 1 })} onClick={() => props.onRemove()}>
        {t("remove")}
      </button>
    </fieldset>
  );
}
