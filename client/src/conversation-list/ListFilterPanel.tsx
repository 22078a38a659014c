/** The "Filters" panel of the list (ListFilters.tsx opens it): checkboxes per kind of filter. */
import type { ChannelType } from "@inbox/shared";
import type { ListView, ViewFilterKey } from "@inbox/shared/domain/list-view";
import { For, Show } from "solid-js";
import { CHANNEL_LABELS } from "../format/labels.ts";
import { CONVERSATION_STATUSES, PRIORITIES } from "../format/choices.ts";
import { priorityWord, statusWord } from "../format/status-words.ts";
import type { FilterChoice } from "./ListFilters.tsx";
import { t } from "./messages.ts";

export function ListFilterPanel(props: {
  view: ListView;
  onChange: (view: ListView) => void;
  channels: readonly ChannelType[];
  teams: readonly FilterChoice[];
  labels: readonly string[];
}) {
  const toggle = (key: ViewFilterKey, value: string, on: boolean) => {
    const current = props.view[key] as readonly string[];
    props.onChange({ ...props.view, [key]: on ? [...current, value] : current.filter((v) => v !== value) });
  };

  const group = (key: ViewFilterKey, legend: string, choices: readonly FilterChoice[]) => (
    <fieldset class="list-filter-group">
      <legend>{legend}</legend>
      <For each={choices}>
        {(choice) => (
          <label class="list-filter-choice">
            <input
              type="checkbox"
              checked={(props.view[key] as readonly string[]).includes(choice.value)}
              onChange={(e) => toggle(key, choice.value, e.currentTarget.checked)}
            />
            {choice.label}
          </label>
        )}
      </For>
    </fieldset>
  );

  return (
    <div class="list-filter-panel" id="list-filter-panel" role="group" aria-label={t("filterPanel")}>
      <Show when={props.channels.length > 1}>
        {group("channels", t("channel"), props.channels.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })))}
      </Show>
      {group("statuses", t("status"), CONVERSATION_STATUSES.map((s) => ({ value: s, label: statusWord(s) })))}
      {group("priorities", t("priority"), PRIORITIES.map((p) => ({ value: p, label: priorityWord(p) })).reverse())}
      <Show when={props.teams.length > 1}>{group("teamIds", t("team"), props.teams)}</Show>
      <Show when={props.labels.length > 0} fallback={<p class="list-filter-note">{t("noLabels")}</p>}>
        {group("labels", t("label"), props.labels.map((l) => ({ value: l, label: l })))}
      </Show>
    </div>
  );
}
