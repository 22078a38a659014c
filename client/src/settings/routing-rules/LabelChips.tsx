/** Labels as chips with a box to add one (a rule's "has a label" condition and "add labels" action). */
import { createSignal, For } from "solid-js";
import { cleanLabel } from "./rule-drafts.ts";
import { t } from "./messages.ts";

export function LabelChips(props: { labels: readonly string[]; name: string; disabled?: boolean; onChange(labels: string[]): void }) {
  const [draft, setDraft] = createSignal("");
  const add = () => {
    const label = cleanLabel(draft());
    if (label && !props.labels.includes(label)) props.onChange([...props.labels, label]);
    setDraft("");
  };
  return (
    <div class="labels-editor rule-labels">
      <ul class="label-list" aria-label={props.name}>
        <For each={props.labels}>
          {(label) => (
            <li class="label-chip">
              <span>{label}</span>
              <button type="button" class="label-remove" aria-label={t("removeLabel", { label })} onClick={() => props.onChange(props.labels.filter((l) => l !== label))}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <div class="label-add">
        <input
          class="label-input"
          aria-label={`${props.name}: ${t("label")}`}
          maxLength={40}
          value={draft()}
          disabled={props.disabled}
          onInput={(e) => setDraft(e.currentTarget.value)}
          // Enter adds the chip; it must not submit the whole rule.
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="btn btn-ghost label-add-button" disabled={props.disabled} onClick={add}>
          {t("addLabel")}
        </button>
      </div>
    </div>
  );
}
