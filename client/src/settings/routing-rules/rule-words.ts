/** A rule's conditions and actions in a line of words, for the list and the test's answer. */
import type { RuleChoices, RuleTestResponse } from "@inbox/shared/api/routing-rules";
import type { RuleAction, RuleCondition } from "@inbox/shared/domain/routing-rules";
import { CHANNEL_LABELS } from "../../format/labels.ts";
import { t } from "./messages.ts";

const nameIn = (list: readonly { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? t("unknown");
const or = (values: readonly string[]) => values.join(t("sumOr"));

export function conditionWords(c: RuleCondition, choices: RuleChoices): string {
  const head = t(`cond_${c.type}`);
  switch (c.type) {
    case "contact_vip":
      return t(c.vip ? "vipYes" : "vipNo");
    case "business_hours":
      return t(c.within ? "withinHours" : "outsideHours");
    case "channel":
      return `${head} ${or(c.values.map((v) => CHANNEL_LABELS[v]))}`;
    case "inbox":
      return `${head} ${or(c.values.map((id) => nameIn(choices.inboxes, id)))}`;
    case "priority":
      return `${head} ${or(c.values.map((p) => t(`priority_${p}`)))}`;
    case "sentiment":
      return `${head} ${or(c.values.map((v) => t(`sentiment_${v}`)))}`;
    case "urgency":
      return t(c.high ? "urgentYes" : "urgentNo");
    default:
      return `${head} ${or(c.values.map((v) => `“${v}”`))}`;
  }
}

export function conditionsWords(conditions: readonly RuleCondition[], choices: RuleChoices): string {
  return conditions.length ? conditions.map((c) => conditionWords(c, choices)).join(t("sumAnd")) : t("anyMessage");
}

export function actionWords(a: RuleAction, choices: RuleChoices): string {
  switch (a.type) {
    case "set_team":
      return t("sumTeam", { team: nameIn(choices.teams, a.teamId) });
    case "set_priority":
      return t("sumPriority", { priority: t(`priority_${a.priority}`) });
    case "add_labels":
      return t("sumLabels", { labels: a.labels.join(", ") });
    case "assign_agent":
      return t("sumAssign", { name: nameIn(choices.agents, a.userId) });
    case "route":
      return t("sumRoute", { mode: t(`mode_${a.mode}`) });
    case "skip_routing":
      return t("sumSkip");
    case "send_canned": {
      const canned = choices.canned.find((c) => c.id === a.cannedId);
      return t("sumReply", { reply: canned ? `/${canned.shortcut}` : t("unknown") });
    }
    case "stop":
      return t("sumStop");
  }
}

export function actionsWords(actions: readonly RuleAction[], choices: RuleChoices): string {
  return actions.map((a) => actionWords(a, choices)).join(", ");
}

/** What the fired rules add up to (the test's answer), or null when nothing changes. */
export function effectsWords(e: RuleTestResponse["effects"], choices: RuleChoices): string | null {
  const parts: string[] = [];
  if (e.teamId) parts.push(t("sumTeam", { team: nameIn(choices.teams, e.teamId) }));
  if (e.priority) parts.push(t("sumPriority", { priority: t(`priority_${e.priority}`) }));
  if (e.labels.length) parts.push(t("sumLabels", { labels: e.labels.join(", ") }));
  if (e.routing?.kind === "assign") parts.push(t("sumAssign", { name: nameIn(choices.agents, e.routing.userId) }));
  if (e.routing?.kind === "mode") parts.push(t("sumRoute", { mode: t(`mode_${e.routing.mode}`) }));
  if (e.routing?.kind === "skip") parts.push(t("sumSkip"));
  if (e.cannedId) parts.push(actionWords({ type: "send_canned", cannedId: e.cannedId }, choices));
  return parts.length ? parts.join(", ") : null;
}
