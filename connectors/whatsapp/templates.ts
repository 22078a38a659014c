import { z } from "zod";
import { TemplateComponentSchema, type TemplateComponent } from "@inbox/shared";
import type { ConnectorContext, Credentials, InboundEvent, PlatformTemplate, TemplateApi, TemplateListResult } from "../src/connector.ts";
import { classifyWhatsappError, graphFetch, parseCredentials } from "./send.ts";

/**
 * Message templates: listing a business account's templates (`GET /{WABA-ID}/message_templates`,
 * paged by cursors), the `template` object of a send, and the `message_template_status_update`
 * webhook field.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
 */

const FIELDS = "name,language,status,category,components,parameter_format,rejected_reason";
const PAGE_SIZE = 100;
/** WhatsApp allows 250 template names per account, each in several languages: 50 pages is ample. */
const MAX_PAGES = 50;

// Meta's component is what the inbox stores (shared/domain/templates.ts): one schema for both.
const GraphComponent = TemplateComponentSchema;

const GraphTemplate = z.object({
  id: z.string().optional(),
  name: z.string().min(1).max(512),
  language: z.string().min(1).max(20),
  status: z.string().min(1).max(40),
  category: z.string().max(40).optional(),
  parameter_format: z.string().optional(),
  rejected_reason: z.string().max(1000).optional(),
  components: z.array(GraphComponent).max(10).default([]),
});

const GraphPage = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

function toTemplate(t: z.infer<typeof GraphTemplate>): PlatformTemplate {
  const components: TemplateComponent[] = t.components.map((c) => ({
    type: c.type.toUpperCase(),
    ...(c.format ? { format: c.format.toUpperCase() } : {}),
    ...(c.text !== undefined ? { text: c.text } : {}),
    ...(c.buttons ? { buttons: c.buttons.map((b) => ({ type: b.type, ...(b.text ? { text: b.text } : {}), ...(b.url ? { url: b.url } : {}) })) } : {}),
  }));
  // Meta says "NONE" when there is no reason.
  const reason = t.rejected_reason && t.rejected_reason !== "NONE" ? t.rejected_reason : null;
  return {
    externalId: t.id ?? null,
    name: t.name,
    language: t.language,
    status: t.status.toUpperCase(),
    category: t.category ?? null,
    parameterFormat: t.parameter_format?.toUpperCase() === "NAMED" ? "NAMED" : "POSITIONAL",
    components,
    reason,
  };
}

/** Every template of the account: follows `paging.cursors.after` while Meta says there is a `next` page. */
export async function listTemplates(accountId: string, credentials: Credentials, ctx: ConnectorContext): Promise<TemplateListResult> {
  const creds = parseCredentials(credentials);
  if (!creds) return { ok: false, kind: "token_expired", reason: "The WhatsApp channel is missing credentials; an admin must reconnect it." };
  const templates: PlatformTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ fields: FIELDS, limit: String(PAGE_SIZE) });
    if (after) query.set("after", after);
    const res = await graphFetch(ctx, creds.accessToken, `/${encodeURIComponent(accountId)}/message_templates?${query}`, { method: "GET" });
    if (!res) return { ok: false, kind: "retry", reason: "WhatsApp could not be reached; try again in a moment." };
    const error = (res.json as { error?: { code?: number; message?: string; error_data?: { details?: string } } } | null)?.error;
    if (res.status >= 300 || error) {
      if (error?.code === 100 || res.status === 404) {
        return { ok: false, kind: "rejected", reason: "WhatsApp does not know this business account id, or this token cannot read its templates (it needs the whatsapp_business_management permission)." };
      }
      const cls = classifyWhatsappError(error?.code, res.status, error?.error_data?.details ?? error?.message);
      return { ok: false, kind: cls.kind, reason: cls.kind === "token_expired" ? "The access token is invalid, expired or lacks the whatsapp_business_management permission; an admin must reconnect the channel." : cls.reason.replace("the message", "the template list") };
    }
    const parsed = GraphPage.safeParse(res.json);
    if (!parsed.success) return { ok: false, kind: "retry", reason: "WhatsApp answered the template list in an unexpected form; try again later." };
    for (const item of parsed.data.data) {
      // One template we cannot read must not hide the others.
      const t = GraphTemplate.safeParse(item);
      if (t.success) templates.push(toTemplate(t.data));
    }
    after = parsed.data.paging?.cursors?.after;
    if (!parsed.data.paging?.next || !after) return { ok: true, templates };
  }
  return { ok: true, templates };
}

export const whatsappTemplates: TemplateApi = { list: listTemplates };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);

/** A `message_template_status_update` change's value → a canonical event (null if it names no template). */
export function templateStatusEvent(accountId: string, value: Obj, entryTime: unknown): InboundEvent | null {
  const name = str(value.message_template_name);
  const language = str(value.message_template_language);
  const status = str(value.event);
  if (!name || !language || !status) return null;
  const raw = str(value.reason);
  const other = isObj(value.other_info) ? [str(value.other_info.title), str(value.other_info.description)].filter(Boolean).join(": ") : "";
  const reason = raw && raw !== "NONE" ? raw : other || undefined;
  const seconds = Number(entryTime);
  const templateId = str(value.message_template_id);
  return {
    type: "template_status",
    accountId,
    name,
    language,
    status: status.toUpperCase(),
    at: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Date.now(),
    ...(templateId ? { templateId } : {}),
    ...(reason ? { reason } : {}),
  };
}
