/** One action of a rule being edited: a select for what it sets, chips for labels, nothing more for the plain ones. */
import { PrioritySchema } from "@inbox/shared";
import type { RuleChoices } from "@inbox/shared/api/routing-rules";
import { For, Match, Switch, type JSX } from "solid-js";
import { LabelChips } from "./LabelChips.tsx";
import type { ActionDraft } from "./rule-drafts.ts";
import { t } from "./messages.ts";

export function ActionFields(props: { action: ActionDraft; index: number; choices: RuleChoices; onChange(patch: Partial<ActionDraft>): void; onRemove(): void }) {
  const name = () => t(`act_${props.action.type}`);
  const select = (options: readonly { value: string; label: string }[]): JSX.Element => (
    <select aria-label={name()} value={props.action.value} onChange={(e) => props.onChange({ value: e.currentTarget.value })}>
      <option value="" disabled selected={props.action.value === ""}>
        {t("choose")}
      </option>
      <For each={options}>
        {(o) => (
          <option value={o.value} selected={o.value === props.action.value}>
            {o.label}
          </option>
        )}
      </For>
    </select>
  );

  return (
    <fieldset class="rule-part" data-action={props.action.type}>
      <legend>
        {props.index + 1}. {name()}
      </legend>
      <Switch>
        <Match when={props.action.type === "set_team"}>{select(props.choices.teams.map((x) => ({ value: x.id, label: x.name })))}</Match>
        <Match when={props.action.type === "set_priority"}>{select(PrioritySchema.options.map((p) => ({ value: p, label: t(`priority_${p}`) })))}</Match>
        <Match when={props.action.type === "assign_agent"}>{select(props.choices.agents.map((x) => ({ value: x.id, label: x.name })))}</Match>
        <Match when={props.action.type === "route"}>
          {select([
            { value: "round_robin", label: t("mode_round_robin") },
            { value: "least_loaded", label: t("mode_least_loaded") },
          ])}
        </Match>
        <Match when={props.action.type === "send_canned"}>{select(props.choices.canned.map((c) => ({ value: c.id, label: `/${c.shortcut} — ${c.title}` })))}</Match>
        <Match when={props.action.type === "add_labels"}>
          <LabelChips labels={props.action.labels} name={name()} onChange={(labels) => props.onChange({ labels })} />
        </Match>
      </Switch>
      <button type="button" class="btn btn-ghost rule-remove" aria-label={t("removeAction", { n: props.index + 1 })} onClick={() => props.onRemove()}>
        {t("remove")}
      </button>
    </fieldset>
  );
}
