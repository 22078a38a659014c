/**
 * The customer panel's "Insights": the conversation's language, the customer's mood and its
 * trend, and how urgent it is with every reason (their words, waiting against the SLA, VIP,
 * repeated contacts). Local: it keeps working offline and on a train.
 */
import type { Conversation } from "@inbox/shared";
import { slaStateAt } from "@inbox/shared/domain/sla-summary";
import { createMemo, Show } from "solid-js";
import { useAppState } from "../app/index.ts";
import { createNow } from "../ui/now.ts";
import { conversationInsight } from "./message-insights.ts";
import { languageName, sentimentName, signedWeight, trendName } from "./insight-words.ts";
import { UrgencyReasons } from "./UrgencyReasons.tsx";
import { said } from "./similar-local.ts";
import { t } from "./messages.ts";

const WEEK_MS = 7 * 24 * 3_600_000;

export function ConversationInsights(props: { conversation: Conversation }) {
  const { selection } = useAppState();
  const now = createNow(30_000);
  const insight = createMemo(() => {
    const sla = props.conversation.sla ? slaStateAt(props.conversation.sla, now()) : null;
    const since = now() - WEEK_MS;
    return conversationInsight({
      said: said(selection.timeline()),
      vip: selection.contact()?.vip ?? false,
      recentConversations: selection.earlierConversations().filter((c) => c.lastActivityAt >= since).length,
      sla: sla === "at_risk" || sla === "breached" ? sla : null,
    });
  });
  return (
    <section class="info-section insights conversation-insights" aria-labelledby="insights-title">
      <h3 id="insights-title">{t("insights")}</h3>
      <Show when={insight().latest} fallback={<p class="muted small">{t("noCustomerMessage")}</p>}>
        {(latest) => (
          <dl class="info-list insights-dl">
            <dt>{t("language")}</dt>
            <dd data-insight="language">{insight().language ? languageName(insight().language!) : t("languageUnknown")}</dd>
            <dt>{t("mood")}</dt>
            <dd data-insight="sentiment">
              <span class={`insight-chip insight-${latest().label}`}>{sentimentName(latest().label)}</span>
              <Show when={insight().trend}>{(trend) => <span class={`insight-trend insight-trend-${trend()}`}> · {trendName(trend())}</span>}</Show>
              <Show when={latest().cues.length > 0}>
                <span class="muted small insights-cues">
                  {" "}
                  {latest()
                    .cues.map((c) => `“${c.text}” ${signedWeight(c.weight)}`)
                    .join(", ")}
                </span>
              </Show>
            </dd>
            <dt>{t("urgency")}</dt>
            <dd data-insight="urgency">
              <span class="insight-chip" classList={{ "insight-urgent": insight().urgency?.level === "high" }}>
                {insight().urgency?.level === "high" ? t("urgencyHigh") : t("urgencyNormal")}
              </span>
              <Show when={(insight().urgency?.reasons.length ?? 0) > 0}>
                <UrgencyReasons reasons={insight().urgency!.reasons} class="insights-reasons" label={t("urgentBecause")} />
              </Show>
            </dd>
          </dl>
        )}
      </Show>
    </section>
  );
}
