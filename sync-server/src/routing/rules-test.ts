import { workspaceCalendar } from "../sla/index.ts";
import { messageLanguage } from "./message-language.ts";
import { and, eq } from "drizzle-orm";
import { isBusinessTime } from "@inbox/shared";
import type { RuleTestRequestSchema, RuleTestResponse } from "@inbox/shared/api/routing-rules";
import { evaluateRules } from "@inbox/shared/domain/rule-evaluator";
import type { RoutingRule } from "@inbox/shared/domain/routing-rules";
import type { z } from "zod";
import type { Writes } from "../db/record.ts";
import { inboxes } from "../db/schema.ts";
import { refusedWithFields } from "../http/http-error.ts";
import { listRules } from "./rules-store.ts";

/** The id a rule being written (not saved yet) has in a test's answer. */
export const DRAFT_RULE_ID = "draft";

/**
 * Which rules a sample customer message would fire and what they would do, from the saved
 * rules (the one being edited replaced by its draft) and the workspace's calendar. Reads only:
 * nothing is stored, sent or routed.
 */
export async function testRules(core: Writes, workspaceId: string, request: z.output<typeof RuleTestRequestSchema>): Promise<RuleTestResponse> {
  const { sample, draft } = request;
  const [inbox] = await core.db.select({ teamId: inboxes.teamId }).from(inboxes).where(and(eq(inboxes.id, sample.inboxId), eq(inboxes.workspaceId, workspaceId)));
  if (!inbox) throw refusedWithFields(400, "validation_failed", "rules_sample_inbox_unknown", {}, { "sample.inboxId": "unknown inbox" });
  let rules: RoutingRule[] = await listRules(core, workspaceId);
  if (draft) {
    const at = core.now();
    const saved = draft.id ? rules.find((r) => r.id === draft.id) : undefined;
    const position = saved?.position ?? Math.max(-1, ...rules.map((r) => r.position)) + 1;
    const tried: RoutingRule = { ...draft.rule, id: saved?.id ?? DRAFT_RULE_ID, position, createdAt: saved?.createdAt ?? at, updatedAt: at };
    rules = [...rules.filter((r) => r.id !== saved?.id), tried];
  }
  const calendar = await workspaceCalendar(core, workspaceId);
  const at = sample.at ?? core.now();
  const outcome = evaluateRules(rules, {
    trigger: sample.trigger,
    channel: sample.channel,
    inboxId: sample.inboxId,
    text: sample.text,
    // A sample that names no language is read like a real message: from its text.
    contact: { ...sample.contact, language: sample.contact.language ?? messageLanguage(sample.text) },
    teamId: inbox.teamId,
    priority: sample.priority,
    labels: sample.labels,
    at,
    calendar,
  });
  return { ...outcome, withinBusinessHours: isBusinessTime(calendar, at) };
}
