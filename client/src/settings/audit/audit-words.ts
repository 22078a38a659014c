/**
 * An audit entry in words: the action, what it was done to, and a one-line summary of the change.
 * Everything here is plain text (the viewer renders it as text, never as HTML): names and
 * changes were typed by people, customers' included.
 */
import type { AuditEntry, AuditVerifyResponse } from "@inbox/shared/api/audit";
import { t } from "./messages.ts";

/** The actions the viewer knows by name, by group; an unknown one is shown as it is stored. */
export const ACTION_GROUPS = [
  { prefix: "auth", label: "group_auth", actions: ["auth.signed_in", "auth.sign_in_failed", "auth.signed_out", "auth.signed_out_elsewhere", "auth.device_signed_out", "auth.password_changed", "auth.two_factor_enabled", "auth.two_factor_disabled", "auth.two_factor_failed", "auth.recovery_codes_renewed"] },
  { prefix: "user", label: "group_people", actions: ["user.changed", "user.profile_changed", "user.deactivated", "user.reactivated"] },
  { prefix: "invitation", label: "group_invitation", actions: ["invitation.created", "invitation.resent", "invitation.revoked", "invitation.accepted"] },
  { prefix: "team", label: "group_team", actions: ["team.created", "team.changed", "team.archived", "team.restored"] },
  { prefix: "role", label: "group_role", actions: ["role.created", "role.changed", "role.deleted"] },
  { prefix: "channel", label: "group_channel", actions: ["channel.connected", "channel.reconnected", "channel.disabled", "channel.active", "channel.token_expired", "channel.rate_limited", "inbox.webhook_registered", "inbox.webhook_not_registered", "inbox.whatsapp_account_changed", "inbox.human_agent_changed", "inbox.widget_changed", "webhook.unrouted", "webhook.contested"] },
  { prefix: "inbox", label: "group_routing", actions: ["inbox.routing_changed", "inbox.csat_changed"] },
  {
    prefix: "routing_rule",
    label: "group_routing_rules",
    actions: ["routing_rule.created", "routing_rule.updated", "routing_rule.enabled", "routing_rule.disabled", "routing_rule.reordered", "routing_rule.deleted"],
  },
  { prefix: "sla", label: "group_sla", actions: ["sla.policy_saved", "sla.policy_deleted"] },
  { prefix: "workspace", label: "group_workspace", actions: ["workspace.business_hours_changed", "workspace.created", "workspace.security_changed"] },
  { prefix: "canned_response", label: "group_canned", actions: ["canned_response.created", "canned_response.updated", "canned_response.deleted"] },
  { prefix: "article", label: "group_article", actions: ["article.created", "article.updated", "article.deleted"] },
  { prefix: "contact", label: "group_contact", actions: ["contact.update", "contact.merge", "contact.exported", "contact.erased"] },
  { prefix: "retention", label: "group_retention", actions: ["retention.policy_changed", "retention.run"] },
  { prefix: "ai", label: "group_ai", actions: ["ai.settings_changed", "ai.used"] },
  { prefix: "audit", label: "group_audit", actions: ["audit.exported"] },
] as const;

type GroupLabel = (typeof ACTION_GROUPS)[number]["label"];
type KnownAction = (typeof ACTION_GROUPS)[number]["actions"][number];
const KNOWN = new Set<string>(ACTION_GROUPS.flatMap((g) => g.actions));

type ActionGroup = (typeof ACTION_GROUPS)[number];

/**
 * The filter for "all of" a group: its prefix where only this group holds actions under it (so an
 * action added later is still found), and its other actions by name. The channel group holds
 * `inbox.webhook_*` and `webhook.*` too, and the routing group's `inbox.*` would match those.
 */
export function groupFilter(g: ActionGroup): string {
  const under = (a: string) => a.startsWith(`${g.prefix}.`);
  if (ACTION_GROUPS.some((o) => o !== g && o.actions.some(under))) return g.actions.join(",");
  return [`${g.prefix}.*`, ...g.actions.filter((a) => !under(a))].join(",");
}

export function groupWords(label: GroupLabel): string {
  return t(label);
}

export function actionWords(action: string): string {
  return KNOWN.has(action) ? t(action as KnownAction) : action;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

const VALUE_MAX = 60;
const SUMMARY_MAX = 300;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as one short line: text as it is, anything else as JSON. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return t("nothingRecorded");
  return clip(typeof v === "string" ? v : JSON.stringify(v), VALUE_MAX);
}

/** Bookkeeping every saved thing carries: the target column and the time say it already. */
const BOOKKEEPING = new Set(["id", "createdAt", "updatedAt"]);

function fieldsText(o: Json): string {
  return Object.entries(o)
    .filter(([k, v]) => isScalar(v) && !BOOKKEEPING.has(k))
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join(", ");
}

/** The fields that differ between two versions, each as "field: before → after". */
function differences(before: Json, after: Json): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return keys.map((k) => `${k}: ${valueText(before[k])} → ${valueText(after[k])}`).join("; ");
}

/** The change in one line: what moved from what to what, or what was created or removed. */
export function changeSummary(e: AuditEntry): string {
  const d = e.data;
  const reason = typeof d.reason === "string" ? ` · ${d.reason}` : "";
  let text: string;
  if (e.action === "audit.exported" && typeof d.count === "number") {
    text = t("exportSummary", { count: d.count, format: String(d.format).toUpperCase() });
  } else if ("before" in d && "after" in d && isObject(d.before) && isObject(d.after)) {
    text = differences(d.before, d.after);
  } else if ("from" in d && "to" in d) {
    text = isObject(d.from) && isObject(d.to) ? differences(d.from, d.to) : `${valueText(d.from)} → ${valueText(d.to)}`;
  } else if (Array.isArray(d.fields)) {
    text = t("changedFields", { fields: d.fields.map(String).join(", ") });
  } else {
    text = fieldsText(isObject(d.after) ? d.after : isObject(d.before) ? d.before : d);
  }
  return clip(text + reason, SUMMARY_MAX) || t("nothingRecorded");
}

/** A name for what the entry was done to, from its change (a policy's name, an article's title…). */
export function targetLabel(e: AuditEntry): string | null {
  const d = e.data;
  for (const o of [d.after, d.before, d.policy, d]) {
    if (!isObject(o)) continue;
    for (const key of ["name", "title", "email"] as const) if (typeof o[key] === "string" && o[key]) return o[key];
    if (typeof o.shortcut === "string" && o.shortcut) return `/${o.shortcut}`;
  }
  return null;
}

/** An id short enough for a table cell (the full one is in the cell's title). */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** The integrity check's answer, said the way the admin reads it. */
export function verifyWords(r: AuditVerifyResponse, time: (at: number) => string): string {
  if (!r.broken) return r.checked === 1 ? t("intactOne") : t("intact", { count: r.checked });
  const what = t(`break_${r.broken.reason}`);
  return r.broken.at === null ? t("brokenAtNoTime", { id: r.broken.id, what }) : t("brokenAt", { id: r.broken.id, time: time(r.broken.at), what });
}
