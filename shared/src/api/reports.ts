/**
 * Reports (issue 14): what `/api/reports`, its drill-down and its CSV export take and answer.
 * The figures are `computeReport`'s (domain/reports, defined in docs/REPORTS.md); the response
 * schemas mirror its types, and a compile-time check below keeps the two from drifting apart.
 */
import { z } from "zod";
import { TimeZoneSchema } from "../domain/business-hours.ts";
import { PrioritySchema } from "../domain/conversation.ts";
import { IdSchema, TimestampSchema } from "../domain/ids.ts";
import { ChannelTypeSchema } from "../domain/inbox.ts";
import { ConversationScopeSchema } from "../domain/permissions.ts";
import { SCHEMA_MESSAGES, schemaMessage } from "./schema-messages.ts";
import { DURATION_BAND_COUNT, DURATION_METRICS, GRANULARITIES, type CountMetric, type Report } from "../domain/reports/index.ts";
import { SLA_TARGETS, SlaTargetSchema } from "../domain/sla-summary.ts";

// ---------- the question ----------

/** Periods named by the calendar of the report's time zone; each ends now at the latest. */
export const REPORT_PRESETS = ["today", "yesterday", "last7", "last30", "thisMonth"] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

export const REPORT_CLOCKS = ["calendar", "business"] as const;

/** A filter's values, comma-separated in the query string (`team=a,b`): any of them matches. */
const listOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(4000)
    .transform((s) => s.split(",").map((v) => v.trim()).filter((v) => v.length > 0))
    .pipe(z.array(item).min(1, SCHEMA_MESSAGES.values_required).max(100, SCHEMA_MESSAGES.values_at_most_100));

const instant = z.coerce.number().int().nonnegative().max(8.64e15);

const ReportQueryFields = z.object({
  preset: z.enum(REPORT_PRESETS).optional(),
  /** A custom period, [from, to) in ms; it replaces a preset. */
  from: instant.optional(),
  to: instant.optional(),
  /** IANA zone of the series, the heatmap and the presets; the workspace's business-hours zone when absent. */
  timeZone: TimeZoneSchema.optional(),
  granularity: z.enum(GRANULARITIES).default("day"),
  /** `business`: durations count only the workspace's opening hours (docs/REPORTS.md §1.5). */
  clock: z.enum(REPORT_CLOCKS).default("calendar"),
  team: listOf(IdSchema).optional(),
  inbox: listOf(IdSchema).optional(),
  channel: listOf(ChannelTypeSchema).optional(),
  agent: listOf(IdSchema).optional(),
  label: listOf(z.string().min(1).max(64)).optional(),
  priority: listOf(PrioritySchema).optional(),
});

type PeriodFields = { preset?: ReportPreset | undefined; from?: number | undefined; to?: number | undefined };

/** A preset, or both ends of a custom period, in that order. */
function periodRule(q: PeriodFields, ctx: z.RefinementCtx): void {
  const custom = q.from !== undefined || q.to !== undefined;
  if (!q.preset && (q.from === undefined || q.to === undefined)) {
    ctx.addIssue({ code: "custom", path: custom ? [q.from === undefined ? "from" : "to"] : ["preset"], message: schemaMessage("period_required", { presets: REPORT_PRESETS.join(", ") }) });
  } else if (q.preset && custom) {
    ctx.addIssue({ code: "custom", path: ["preset"], message: SCHEMA_MESSAGES.period_one_way });
  } else if (!q.preset && q.to! <= q.from!) {
    ctx.addIssue({ code: "custom", path: ["to"], message: SCHEMA_MESSAGES.after_from });
  }
}

export const ReportQuerySchema = ReportQueryFields.superRefine(periodRule);
export type ReportQuery = z.output<typeof ReportQuerySchema>;

/**
 * The numbers a drill-down can explain, named by where they stand in the report
 * (`conversations.total` is `totals.conversations.total`); `agent.chatsAttended` is a row of
 * `byAgent` (its `reopens` and `resolved` are `conversations.reopened|resolved` with the agent filter).
 */
export const DRILL_METRICS = [
  "conversations.total",
  "conversations.new",
  "conversations.reopened",
  "conversations.attended",
  "conversations.reassigned",
  "conversations.resolved",
  "contacts.new",
  "contacts.returning",
  "contacts.messagesAwaitingRead",
  ...DURATION_METRICS.map((m) => `times.${m}` as const),
  "messages.received",
  "messages.sent",
  "messages.delivered",
  "messages.read",
  "messages.failed",
  "messages.unconfirmed",
  "messages.autoReplies",
  "sla.met",
  "sla.breached",
  "agent.chatsAttended",
  "csat.asked",
  "csat.rated",
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];

/** The drill metrics that list one count metric's observations (the others are read their own way). */
export const DRILL_COUNTS: Partial<Record<DrillMetric, CountMetric>> = {
  "conversations.total": "started",
  "conversations.new": "new",
  "conversations.reopened": "reopened",
  "conversations.attended": "attended",
  "conversations.reassigned": "reassigned",
  "conversations.resolved": "resolved",
  "messages.received": "received",
  "messages.sent": "sent",
  "messages.delivered": "delivered",
  "messages.read": "read",
  "messages.failed": "failed",
  "messages.unconfirmed": "unconfirmed",
  "messages.autoReplies": "autoReplies",
  "agent.chatsAttended": "agentAttended",
  "csat.asked": "csatAsked",
};

export const ReportDrillQuerySchema = ReportQueryFields.extend({
  metric: z.enum(DRILL_METRICS),
  /** A series bucket's `start`: the number of that bucket instead of the whole period's. */
  bucket: instant.optional(),
  /** For `times.*`: only the durations in one band of the distribution (`TimeStat.bands`). */
  band: z.coerce.number().int().min(0).max(DURATION_BAND_COUNT - 1).optional(),
  /** For `sla.met|breached`: one target's (the report's `sla.byTarget`). */
  slaTarget: SlaTargetSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
}).superRefine(periodRule);
export type ReportDrillQuery = z.output<typeof ReportDrillQuerySchema>;

/** The tables of the Reports screen that export as CSV. */
export const REPORT_TABLES = ["agents", "teams", "inboxes", "channels", "series", "messages", "distribution", "heatmap"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export const ReportExportQuerySchema = ReportQueryFields.extend({ table: z.enum(REPORT_TABLES) }).superRefine(periodRule);
export type ReportExportQuery = z.output<typeof ReportExportQuerySchema>;

// ---------- the answer: computeReport's types as schemas ----------

const count = z.number().int().nonnegative();

export const TimeStatSchema = z.object({ count, median: z.number().nullable(), p90: z.number().nullable(), average: z.number().nullable(), bands: z.array(count).length(DURATION_BAND_COUNT) });
const TimesSchema = z.object(Object.fromEntries(DURATION_METRICS.map((m) => [m, TimeStatSchema])) as Record<(typeof DURATION_METRICS)[number], typeof TimeStatSchema>);
export const SlaCountsSchema = z.object({ met: count, breached: count });
const SlaByTargetSchema = z.object(Object.fromEntries(SLA_TARGETS.map((t) => [t, SlaCountsSchema])) as Record<(typeof SLA_TARGETS)[number], typeof SlaCountsSchema>);

const CsatSchema = z.object({ asked: count, rated: count, ratings: z.tuple([count, count, count, count, count]), average: z.number().nullable() });

export const FiguresSchema = z.object({
  conversations: z.object({ total: count, new: count, reopened: count, attended: count, reassigned: count, resolved: count, byChannel: z.record(z.string(), count) }),
  contacts: z.object({ new: count, returning: count, messagesAwaitingRead: count }),
  times: TimesSchema,
  messages: z.object({ received: count, sent: count, delivered: count, read: count, failed: count, unconfirmed: count, autoReplies: count }),
  sla: SlaCountsSchema.extend({ byTarget: SlaByTargetSchema, byTeam: z.record(z.string(), SlaCountsSchema), byInbox: z.record(z.string(), SlaCountsSchema) }).nullable(),
  csat: CsatSchema,
});

export const AgentFiguresSchema = z.object({ chatsAttended: count, reopens: count, resolved: count, times: TimesSchema, sla: SlaCountsSchema.nullable(), csat: CsatSchema });

export const SeriesPointSchema = z.object({ start: TimestampSchema, end: TimestampSchema, label: z.string(), figures: FiguresSchema });

export const ReportSchema = z.object({
  period: z.object({ from: TimestampSchema, to: TimestampSchema, timeZone: z.string(), clock: z.enum(REPORT_CLOCKS) }),
  totals: FiguresSchema,
  byAgent: z.record(z.string(), AgentFiguresSchema),
  heatmap: z.array(z.array(count)),
  series: z.object({ granularity: z.enum(GRANULARITIES), points: z.array(SeriesPointSchema) }),
});

/** Both ways assignable: the schema says exactly what `computeReport` returns. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMirrorsReport: Same<z.infer<typeof ReportSchema>, Report> = true;
void schemaMirrorsReport;

/** What the caller's role let them see: the filters applied on top of theirs. */
export const ReportScopeSchema = z.object({
  /** Without the `viewReports` permission a person sees only their own numbers: the agent filter is set to them. */
  ownNumbersOnly: z.boolean(),
  /** Which conversations their role sees (permissions.ts): all, their teams', or only what is theirs. */
  conversations: ConversationScopeSchema,
  filters: z.object({
    teamIds: z.array(IdSchema).optional(),
    inboxIds: z.array(IdSchema).optional(),
    channels: z.array(z.string()).optional(),
    agentIds: z.array(IdSchema).optional(),
    labels: z.array(z.string()).optional(),
    priorities: z.array(PrioritySchema).optional(),
  }),
});

export type ReportScopeAnswer = z.infer<typeof ReportScopeSchema>;

/** Names for the ids the report mentions, so a table reads without another request. */
export const ReportNamesSchema = z.object({
  agents: z.record(z.string(), z.string()),
  teams: z.record(z.string(), z.string()),
  inboxes: z.record(z.string(), z.object({ name: z.string(), channel: z.string() })),
});

export const ReportResponseSchema = ReportSchema.extend({
  /** The period's figures per team, inbox and channel of the conversations counted. */
  byTeam: z.record(z.string(), FiguresSchema),
  byInbox: z.record(z.string(), FiguresSchema),
  byChannel: z.record(z.string(), FiguresSchema),
  scope: ReportScopeSchema,
  names: ReportNamesSchema,
  /** How long the server took to read and compute it (ms). */
  tookMs: z.number().nonnegative(),
});
export type ReportResponse = z.infer<typeof ReportResponseSchema>;

/** One counted fact behind a number: its conversation, when it counted, for whom, and what it measured. */
export const ReportDrillRowSchema = z.object({
  conversationId: IdSchema,
  contactName: z.string(),
  channel: z.string().nullable(),
  inboxId: IdSchema.nullable(),
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  /** Who has the conversation now. */
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  /** The instant the fact counted at (its anchor, docs/REPORTS.md §1). */
  at: TimestampSchema,
  /** Whom the figure is attributed to (null: nobody). */
  agentId: IdSchema.nullable(),
  agentName: z.string().nullable(),
  /** Durations: the ms measured; messages awaiting read: how many; otherwise null (each row counts one). */
  value: z.number().nullable(),
  /** SLA outcomes: which target. */
  slaTarget: SlaTargetSchema.nullable(),
});
export type ReportDrillRow = z.infer<typeof ReportDrillRowSchema>;
/** A row before names are known (what both drill-downs find; the route adds the names). */
export type DrillFact = Omit<ReportDrillRow, "teamName" | "assigneeName" | "agentName">;

export const ReportDrillResponseSchema = z.object({
  metric: z.enum(DRILL_METRICS),
  /** The window the number covers: the period, or one bucket of it cut to the period. */
  window: z.object({ from: TimestampSchema, to: TimestampSchema }),
  /** Rows behind the number before `limit`: the figure itself for counts and durations, distinct people for contacts, conversations for awaiting read. */
  count: count,
  /** For awaiting read: the messages in all rows (the figure); otherwise equal to `count`. */
  total: count,
  rows: z.array(ReportDrillRowSchema),
  truncated: z.boolean(),
  scope: ReportScopeSchema,
  tookMs: z.number().nonnegative(),
});
export type ReportDrillResponse = z.infer<typeof ReportDrillResponseSchema>;
