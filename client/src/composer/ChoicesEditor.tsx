/**
 * Buttons or quick replies under a reply, for channels that have them: up to the channel's
 * maximum, each no longer than it allows.
 */
import { For, Show } from "solid-js";
import type { ChannelCapabilities } from "@inbox/shared/api/uploads";
import { choiceKinds, maxChoices, type Choices } from "./choices.ts";
import { t } from "./messages.ts";

export function ChoicesEditor(props: { caps: ChannelCapabilities; channel: string; value: Choices; onChange(next: Choices | null): void }) {
  const max = () => maxChoices(props.caps, props.value.kind);
  const setTitle = (i: number, title: string) => props.onChange({ ...props.value, titles: props.value.titles.map((s, j) => (j === i ? title : s)) });
  const remove = (i: number) => props.onChange({ ...props.value, titles: props.value.titles.filter((_, j) => j !== i) });
  const setKind = (kind: Choices["kind"]) => props.onChange({ kind, titles: props.value.titles.slice(0, maxChoices(props.caps, kind)) });
  return (
    <fieldset class="composer-choices">
      <legend class="composer-choices-legend">{t("choices")}</legend>
      <Show when={choiceKinds(props.caps).length > 1}>
        <div class="composer-choices-kind" role="radiogroup" aria-label={t("choiceKind")}>
          <For each={choiceKinds(props.caps)}>
            {(kind) => (
              <label>
                <input type="radio" name="choice-kind" checked={props.value.kind === kind} onChange={() => setKind(kind)} />
                {kind === "buttons" ? t("buttons") : t("quickReplies")}
              </label>
            )}
          </For>
        </div>
      </Show>
      <ol class="composer-choices-list">
        <For each={props.value.titles}>
          {(title, i) => (
            <li class="composer-choice">
              <input
                class="input composer-choice-input"
                aria-label={t("choiceTitle", { n: i() + 1 })}
                maxLength={props.caps.maxButtonTitleLength || 64}
                value={title}
                onInput={(e) => setTitle(i(), e.currentTarget.value)}
              />
              <button type="button" class="btn btn-ghost" aria-label={t("removeChoice", { n: i() + 1 })} onClick={() => remove(i())}>
                ✕
              </button>
            </li>
          )}
        </For>
      </ol>
      <div class="composer-choices-actions">
        <button
          type="button"
          class="btn"
          disabled={props.value.titles.length >= max()}
          onClick={() => props.onChange({ ...props.value, titles: [...props.value.titles, ""] })}
        >
          {t("addChoice")}
        </button>
        <span class="composer-hint">{t("choicesMax", { max: max(), channel: props.channel, length: props.caps.maxButtonTitleLength || 64 })}</span>
        <button type="button" class="btn btn-ghost" onClick={() => props.onChange(null)}>
          {t("removeChoices")}
        </button>
      </div>
    </fieldset>
  );
}
