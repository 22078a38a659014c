/**
 * The conversation's labels, editable offline: kept in the work document's "labels" map, which
 * merges with other agents' changes on reconnect (the server mirrors it into the conversation).
 */
import { createSignal, For, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { t } from "./labels-messages.ts";

export function LabelsEditor() {
  const { selection } = useAppState();
  const [draft, setDraft] = createSignal("");
  const add = () => {
    if (!draft().trim()) return;
    selection.addLabel(draft());
    setDraft("");
  };
  return (
    <div class="labels-editor">
      <Show when={selection.labels().length > 0} fallback={<span class="muted">{t("none")}</span>}>
        <ul class="label-list" aria-label={t("labels")}>
          <For each={selection.labels()}>
            {(label) => (
              <li class="label-chip">
                <span>{label}</span>
                <button type="button" class="label-remove" aria-label={t("remove", { label })} onClick={() => selection.removeLabel(label)}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form
        class="label-add"
        aria-label={t("addForm")}
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          class="label-input"
          aria-label={t("newLabel")}
          placeholder={t("placeholder")}
          maxLength={40}
          value={draft()}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-ghost label-add-button">
          {t("add")}
        </button>
      </form>
    </div>
  );
}
