import { z } from "zod";
import type { MessageContent } from "../domain/message.ts";

/**
 * What a channel accepts from an agent, for the composer to check before sending (and the
 * server again when the reply arrives): text length, formatting, choices, and attachments by
 * kind with their size and type limits. Mirrors the connectors' capabilities, minus what only
 * the server needs (messaging windows, receipts).
 */
export const ATTACHMENT_KINDS = ["image", "audio", "video", "file"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const MediaLimitSchema = z.object({ maxBytes: z.number().int().nonnegative(), mimeTypes: z.array(z.string()) });

export const ChannelCapabilitiesSchema = z.object({
  maxTextLength: z.number().int().positive(),
  maxButtons: z.number().int().nonnegative(),
  maxButtonTitleLength: z.number().int().nonnegative(),
  maxQuickReplies: z.number().int().nonnegative(),
  media: z.object({
    image: MediaLimitSchema.optional(),
    audio: MediaLimitSchema.optional(),
    video: MediaLimitSchema.optional(),
    file: MediaLimitSchema.optional(),
  }),
  formatting: z.enum(["whatsapp", "telegram-html", "plain"]),
});
export type ChannelCapabilities = z.infer<typeof ChannelCapabilitiesSchema>;

/** `POST /api/uploads?conversationId=&filename=` (raw bytes, Content-Type = the file's type). */
export const UploadQuerySchema = z.object({
  conversationId: z.string().min(1).max(64),
  filename: z.string().trim().min(1).max(255),
});

export const UploadResponseSchema = z.object({
  /** `/media/<key>`: what a reply's content carries as its url. */
  url: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  filename: z.string(),
});
export type UploadResponse = z.infer<typeof UploadResponseSchema>;

/** Kinds of content a reply command may carry besides plain text. */
export const REPLY_CONTENT_KINDS = ["image", "audio", "video", "file", "buttons", "quick_replies"] as const;

/** The type without parameters, lower case (`Image/PNG; x=1` → `image/png`). */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(";")[0]!.trim().toLowerCase();
}

/**
 * Whether a list of accepted types takes this one: exact types (`image/png`), a wildcard
 * subtype (`image/` then `*`), or both wildcards (any type), compared without parameters or case.
 */
export function acceptsMimeType(accepted: readonly string[], mimeType: string): boolean {
  const [type, subtype] = baseMimeType(mimeType).split("/");
  return accepted.some((entry) => {
    const [t, s] = baseMimeType(entry).split("/");
    return (t === "*" || t === type) && (s === "*" || (s !== undefined && s === subtype));
  });
}

/**
 * A type as people know it in limit messages: `image/png` → `PNG`, `text/plain` → `TXT`,
 * Office types by their extension; a wildcard entry keeps its form (`image/*`), for the caller
 * to put in words.
 */
export function typeLabel(mimeType: string): string {
  const base = baseMimeType(mimeType);
  const familiar = FAMILIAR_TYPES[base];
  if (familiar) return familiar;
  const [type = "", subtype = type] = base.split("/");
  if (subtype === "*") return base;
  return subtype.replace(/^(x-|vnd\.)/, "").replace(/\+.*$/, "").toUpperCase() || "?";
}

const FAMILIAR_TYPES: Record<string, string> = {
  "text/plain": "TXT",
  "text/csv": "CSV",
  "audio/mpeg": "MP3",
  "application/msword": "DOC",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.ms-excel": "XLS",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.ms-powerpoint": "PPT",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
};

/** Which kind of message a file becomes: images, audio and video by type, anything else a file. */
export function attachmentKindOf(mimeType: string): AttachmentKind {
  const base = baseMimeType(mimeType);
  if (base.startsWith("image/")) return "image";
  if (base.startsWith("audio/")) return "audio";
  if (base.startsWith("video/")) return "video";
  return "file";
}

/** Why a channel will not take an attachment; worded by the caller (server English, client per locale). */
export type AttachmentProblem =
  | { problem: "kind_unsupported"; kind: AttachmentKind }
  | { problem: "type_unsupported"; kind: AttachmentKind; mimeType: string; accepted: readonly string[] }
  | { problem: "too_large"; kind: AttachmentKind; size: number; maxBytes: number }
  | { problem: "empty"; kind: AttachmentKind };

export function checkAttachment(caps: Pick<ChannelCapabilities, "media">, file: { mimeType: string; size: number }): AttachmentProblem | null {
  const kind = attachmentKindOf(file.mimeType);
  const limit = caps.media[kind];
  if (!limit) return { problem: "kind_unsupported", kind };
  const mimeType = baseMimeType(file.mimeType);
  if (!acceptsMimeType(limit.mimeTypes, mimeType)) return { problem: "type_unsupported", kind, mimeType, accepted: limit.mimeTypes };
  if (file.size === 0) return { problem: "empty", kind };
  if (file.size > limit.maxBytes) return { problem: "too_large", kind, size: file.size, maxBytes: limit.maxBytes };
  return null;
}

/** Why a channel will not take buttons or quick replies as given. */
export type ChoicesProblem =
  | { problem: "choices_unsupported"; kind: "buttons" | "quick_replies" }
  | { problem: "too_many_choices"; kind: "buttons" | "quick_replies"; count: number; max: number }
  | { problem: "choice_too_long"; kind: "buttons" | "quick_replies"; title: string; max: number };

export function checkChoices(
  caps: Pick<ChannelCapabilities, "maxButtons" | "maxQuickReplies" | "maxButtonTitleLength">,
  content: Extract<MessageContent, { kind: "buttons" | "quick_replies" }>,
): ChoicesProblem | null {
  const items = content.kind === "buttons" ? content.buttons : content.replies;
  const max = content.kind === "buttons" ? caps.maxButtons : caps.maxQuickReplies;
  if (max === 0) return { problem: "choices_unsupported", kind: content.kind };
  if (items.length > max) return { problem: "too_many_choices", kind: content.kind, count: items.length, max };
  // Quick replies share the button title limit where a platform sends them as buttons.
  const long = caps.maxButtonTitleLength > 0 ? items.find((i) => i.title.length > caps.maxButtonTitleLength) : undefined;
  if (long) return { problem: "choice_too_long", kind: content.kind, title: long.title, max: caps.maxButtonTitleLength };
  return null;
}
