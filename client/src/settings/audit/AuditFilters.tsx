/**
 * The viewer's filters: who, what (a group of actions or one action), target, period and a
 * search. Choosing in a list or a date applies at once; typed text applies with Enter or the
 * button.
 */
import type { User } from "@inbox/shared";
import { createSignal, For, Show, type Accessor, type Setter } from "solid-js";
import { filterParams, NO_FILTERS, type AuditFilterDraft } from "./audit-filters.ts";
import { ACTION_GROUPS, actionWords, groupFilter, groupWords } from "./audit-words.ts";
import { t } from "./messages.ts";

export function AuditFilters(props: {
  draft: Accessor<AuditFilterDraft>;
  setDraft: Setter<AuditFilterDraft>;
  people: readonly User[];
  disabled: boolean;
  onApply: (params: URLSearchParams) => void;
}) {
  const [error, setError] = createSignal<string | null>(null);
  const set = (patch: Partial<AuditFilterDraft>) => props.setDraft((d) => ({ ...d, ...patch }));
  const apply = () => {
    const result = filterParams(props.draft());
    if ("error" in result) return setError(result.error);
    setError(null);
    props.onApply(result.params);
  };
  const choose = (patch: Partial<AuditFilterDraft>) => {
    set(patch);
    apply();
  };

  return (
    <form
      class="audit-filters"
      aria-label={t("filtersTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div class="form-grid">
        <div class="field">
          <label for="audit-who">{t("who")}</label>
          <select id="audit-who" value={props.draft().actor} onChange={(e) => choose({ actor: e.currentTarget.value })}>
            <option value="">{t("anyone")}</option>
            <For each={props.people}>{(u) => <option value={u.id}>{u.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="audit-what">{t("what")}</label>
          <select id="audit-what" value={props.draft().action} onChange={(e) => choose({ action: e.currentTarget.value })}>
            <option value="">{t("anything")}</option>
            <For each={ACTION_GROUPS}>
              {(g) => (
                <optgroup label={groupWords(g.label)}>
                  <option value={groupFilter(g)}>{t("allOf", { group: groupWords(g.label) })}</option>
                  <For each={g.actions}>{(a) => <option value={a}>{actionWords(a)}</option>}</For>
                </optgroup>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="audit-target">{t("target")}</label>
          <input id="audit-target" type="text" maxLength={128} placeholder={t("targetHint")} value={props.draft().target} onInput={(e) => set({ target: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="audit-from">{t("from")}</label>
          <input id="audit-from" type="date" value={props.draft().fromDay} onChange={(e) => choose({ fromDay: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="audit-to">{t("to")}</label>
          <input id="audit-to" type="date" value={props.draft().toDay} onChange={(e) => choose({ toDay: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="audit-search">{t("search")}</label>
          <input id="audit-search" type="search" maxLength={100} placeholder={t("searchHint")} value={props.draft().q} onInput={(e) => set({ q: e.currentTarget.value })} />
        </div>
      </div>
      <Show when={error()}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <div class="audit-actions">
        <button type="submit" class="btn btn-primary" disabled={props.disabled}>
          {t("apply")}
        </button>
        <button
          type="button"
          class="btn btn-ghost"
          disabled={props.disabled}
          onClick={() => {
            props.setDraft(NO_FILTERS);
            apply();
          }}
        >
          {t("clear")}
        </button>
      </div>
    </form>
  );
}
