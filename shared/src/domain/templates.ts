import { z } from "zod";
import { IdSchema, TimestampSchema } from "./ids.ts";
import { SCHEMA_MESSAGES } from "../api/schema-messages.ts";

/**
 * WhatsApp message templates (issue 16): what a business account's approved templates look
 * like, which variables each needs, and the text a filled-in template becomes. One set of rules
 * for the server (which sends and records the rendered text) and the composer (its preview).
 */

/** A template's parts as Meta describes them (header, body, footer, buttons). */
export const TemplateComponentSchema = z.object({
  type: z.string().min(1).max(40),
  /** HEADER: TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION. */
  format: z.string().max(40).optional(),
  text: z.string().max(4096).optional(),
  buttons: z
    .array(z.object({ type: z.string().max(40), text: z.string().max(200).optional(), url: z.string().max(2048).optional() }))
    .max(20)
    .optional(),
});
export type TemplateComponent = z.infer<typeof TemplateComponentSchema>;

export const MessageTemplateSchema = z.object({
  id: IdSchema,
  inboxId: IdSchema,
  name: z.string().min(1).max(512),
  /** Meta's language and locale code, e.g. `en_US`, `pt_BR`. */
  language: z.string().min(1).max(20),
  status: z.string().min(1).max(40),
  category: z.string().max(40).nullable(),
  /** `POSITIONAL` ({{1}}, {{2}}) or `NAMED` ({{first_name}}). */
  parameterFormat: z.enum(["POSITIONAL", "NAMED"]),
  components: z.array(TemplateComponentSchema).max(10),
  /** Why Meta rejected, paused or disabled it, as Meta says. */
  reason: z.string().max(1000).nullable(),
  updatedAt: TimestampSchema,
});
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

/** One value for a template variable: `name` only for named parameters. */
export const TemplateParamSchema = z.object({ name: z.string().max(100).optional(), text: z.string().trim().min(1, SCHEMA_MESSAGES.template_variables_required).max(1024) });
export type TemplateParam = z.infer<typeof TemplateParamSchema>;

/** What a sent template message carries besides its rendered text: enough to send it again. */
export const TemplateSendSchema = z.object({
  name: z.string().min(1).max(512),
  language: z.string().min(1).max(20),
  header: z.array(TemplateParamSchema).max(1).default([]),
  body: z.array(TemplateParamSchema).max(100).default([]),
});
export type TemplateSend = z.infer<typeof TemplateSendSchema>;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The distinct variables of a text in the order they are numbered (positional) or first appear (named). */
export function variablesOf(text: string | undefined): string[] {
  if (!text) return [];
  const seen: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return seen.every((v) => /^\d+$/.test(v)) ? seen.sort((a, b) => Number(a) - Number(b)) : seen;
}

const part = (t: Pick<MessageTemplate, "components">, type: string) => t.components.find((c) => c.type.toUpperCase() === type);
/** The header when it is text (a header without a format is text): media headers carry no words. */
const textHeader = (t: Pick<MessageTemplate, "components">) => {
  const header = part(t, "HEADER");
  return header && (header.format ?? "TEXT").toUpperCase() === "TEXT" ? header : undefined;
};

/** One template per name and language in an account: the key syncing and pickers match by. */
export const templateKey = (t: Pick<MessageTemplate, "name" | "language">): string => `${t.name}\u0000${t.language}`;

/** The variables a template needs, per part: what the composer asks for and the send carries. */
export function templateVariables(t: Pick<MessageTemplate, "components">): { header: string[]; body: string[] } {
  return { header: variablesOf(textHeader(t)?.text), body: variablesOf(part(t, "BODY")?.text) };
}

/** Header formats an agent fills with a file, and the kind of attachment each takes. */
export const HEADER_MEDIA_KINDS = { IMAGE: "image", VIDEO: "video", DOCUMENT: "file" } as const;
export type HeaderMediaKind = (typeof HEADER_MEDIA_KINDS)[keyof typeof HEADER_MEDIA_KINDS];

/** The attachment kind a template's media header takes (image, video or file), or null without one. */
export function headerMediaKind(t: Pick<MessageTemplate, "components">): HeaderMediaKind | null {
  const format = (part(t, "HEADER")?.format ?? "").toUpperCase();
  return format in HEADER_MEDIA_KINDS ? HEADER_MEDIA_KINDS[format as keyof typeof HEADER_MEDIA_KINDS] : null;
}

/**
 * Whether the file sent with a template fits its header: a media header needs one of its kind
 * (an image header an image, a document header a file), any other template none. Null: it fits.
 */
export function headerMediaProblem(
  t: Pick<MessageTemplate, "components">,
  attached: string | null,
): { problem: "media_required"; wanted: HeaderMediaKind } | { problem: "media_mismatch"; wanted: HeaderMediaKind; given: string } | { problem: "media_unexpected" } | null {
  const wanted = headerMediaKind(t);
  if (!wanted) return attached === null ? null : { problem: "media_unexpected" };
  if (attached === null) return { problem: "media_required", wanted };
  return attached === wanted ? null : { problem: "media_mismatch", wanted, given: attached };
}

/**
 * Why the inbox cannot send this template, or null: only approved templates, and only parts
 * it can fill (text values, and a file for an image, video or document header; a location
 * header or a link button with a variable needs more).
 */
export function unsendableReason(t: Pick<MessageTemplate, "status" | "components">): "not_approved" | "location_header" | "dynamic_button" | null {
  if (t.status !== "APPROVED") return "not_approved";
  if (part(t, "HEADER") && !textHeader(t) && !headerMediaKind(t)) return "location_header";
  const buttons = part(t, "BUTTONS")?.buttons ?? [];
  if (buttons.some((b) => variablesOf(b.url).length > 0)) return "dynamic_button";
  return null;
}

function fill(text: string, names: string[], values: readonly TemplateParam[]): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const byName = values.find((v) => v.name === name);
    const value = byName ?? values[names.indexOf(name)];
    return value ? value.text : whole;
  });
}

/**
 * The text the customer reads: header, body and footer with the values in place, a blank line
 * between parts. Unfilled variables stay `{{n}}`, so a preview shows what is missing.
 */
export function renderTemplate(t: Pick<MessageTemplate, "components">, values: { header?: readonly TemplateParam[]; body?: readonly TemplateParam[] }): string {
  const vars = templateVariables(t);
  const header = textHeader(t)?.text;
  const parts = [
    header ? fill(header, vars.header, values.header ?? []) : "",
    fill(part(t, "BODY")?.text ?? "", vars.body, values.body ?? []),
    part(t, "FOOTER")?.text ?? "",
  ];
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}

/** The values in the order of the template's variables, each named where the template names them. */
export function paramsFor(names: readonly string[], texts: readonly string[], format: MessageTemplate["parameterFormat"]): TemplateParam[] {
  return names.map((name, i) => ({ ...(format === "NAMED" ? { name } : {}), text: texts[i] ?? "" }));
}

/**
 * Templates to offer, the customer's language first (`pt` matches `pt_BR`), then the rest by
 * name: an agent may still pick another language.
 */
export function orderForLanguage<T extends Pick<MessageTemplate, "name" | "language">>(templates: readonly T[], language: string | null): T[] {
  const want = language?.toLowerCase().split(/[-_]/)[0] ?? null;
  const rank = (t: T) => (want && t.language.toLowerCase().split(/[-_]/)[0] === want ? 0 : 1);
  return [...templates].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
}
