/**
 * A routing rule that fired, as one history line: "Rule Refunds set team Billing, priority
 * urgent". The event keeps the rule's name and actions as they were, and the names of the team,
 * person and canned response they named (routing/rules-apply.ts on the server), so the line reads
 * the same after they are renamed or deleted.
 */
import { RuleActionSchema, type RuleAction } from "@inbox/shared/domain/routing-rules";
import type { DomainEvent } from "@inbox/shared";
import { priorityWord } from "../../format/status-words.ts";
import { t } from "./messages.ts";

type NameOf = (id: string) => string | undefined;

export function ruleFiredText(e: DomainEvent, nameOf: NameOf, teamName?: NameOf): string {
  const d = e.data;
  const name = typeof d.name === "string" && d.name ? `“${d.name}”` : "";
  const kept = d.names && typeof d.names === "object" ? (d.names as Record<string, unknown>) : {};
  const named = (id: string, fallback?: NameOf) => (typeof kept[id] === "string" ? (kept[id] as string) : (fallback?.(id) ?? t("someone")));
  const actions = (Array.isArray(d.actions) ? d.actions : []).flatMap((a) => {
    const parsed = RuleActionSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
  const changes = actions.flatMap((a) => phrase(a, named, nameOf, teamName));
  return changes.length ? t("ruleFired", { name, changes: changes.join(", ") }) : t("ruleFiredPlain", { name });
}

function phrase(a: RuleAction, named: (id: string, fallback?: NameOf) => string, nameOf: NameOf, teamName?: NameOf): string[] {
  switch (a.type) {
    case "set_team":
      return [t("ruleTeam", { team: named(a.teamId, teamName) })];
    case "set_priority":
      return [t("rulePriority", { priority: priorityWord(a.priority).toLocaleLowerCase() })];
    case "add_labels":
      return [t("ruleLabels", { labels: a.labels.join(", ") })];
    case "assign_agent":
      return [t("ruleAssignee", { to: named(a.userId, nameOf) })];
    case "route":
      return [t(`ruleRouteMode_${a.mode}`)];
    case "skip_routing":
      return [t("ruleSkipRouting")];
    case "send_canned":
      // Named only when the reply was stored (its canned response still existed, the channel took replies).
      return named(a.cannedId, () => "") ? [t("ruleReply", { reply: named(a.cannedId) })] : [];
    case "stop":
      return [];
  }
}
