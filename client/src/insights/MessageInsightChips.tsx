/**
 * Under a customer's message: the language it is written in, its sentiment (the words that
 * decided it on hover or focus) and, when it is urgent, why. Judged on the device, so it shows
 * offline; customer words are shown as text, never as HTML.
 */
import { createMemo, createUniqueId, For, Show } from "solid-js";
import { messageInsight } from "./message-insights.ts";
import { languageName, sentimentName, signedWeight } from "./insight-words.ts";
import { UrgencyReasons } from "./UrgencyReasons.tsx";
import { t } from "./messages.ts";
import "./insights.css";

export function MessageInsightChips(props: { text: string }) {
  const insight = createMemo(() => messageInsight(props.text));
  const language = () => (insight().language.confident ? insight().language.language : null);
  const sentiment = () => insight().sentiment;
  const urgency = () => insight().urgency;
  const sentimentTip = createUniqueId();
  const urgencyTip = createUniqueId();
  return (
    <span class="msg-insights">
      <Show when={language()}>
        {(l) => (
          <span class="insight-chip insight-lang" title={languageName(l())}>
            <span aria-hidden="true">{l().toUpperCase()}</span>
            <span class="sr-only">{t("writtenIn", { language: languageName(l()) })}</span>
          </span>
        )}
      </Show>
      <Show when={sentiment().label !== "neutral" || sentiment().cues.length > 0}>
        <span class={`insight-chip insight-sentiment insight-${sentiment().label}`} tabindex="0" aria-describedby={sentimentTip} data-sentiment={sentiment().label}>
          <span aria-hidden="true">{SENTIMENT_MARK[sentiment().label]}</span>
          {sentimentName(sentiment().label)}
          <span class="insight-tip" role="tooltip" id={sentimentTip}>
            <Show when={sentiment().cues.length > 0} fallback={t("noCues")}>
              <span class="insight-tip-head">{t("decidedBy")}</span>
              <ul>
                <For each={sentiment().cues}>
                  {(cue) => (
                    <li>
                      “{cue.text}” <span class="insight-weight">{signedWeight(cue.weight)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </span>
        </span>
      </Show>
      <Show when={urgency().level === "high"}>
        <span class="insight-chip insight-urgent" tabindex="0" aria-describedby={urgencyTip}>
          <span aria-hidden="true">⚑</span>
          {t("urgent")}
          <span class="insight-tip" role="tooltip" id={urgencyTip}>
            <span class="insight-tip-head">{t("urgentBecause")}</span>
            <UrgencyReasons reasons={urgency().reasons} />
          </span>
        </span>
      </Show>
    </span>
  );
}

const SENTIMENT_MARK = { negative: "☹", neutral: "·", positive: "☺" } as const;
