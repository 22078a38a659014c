/**
 * Attachment kinds as a sentence names them, in the plural ("WhatsApp accepts images up to
 * 5 MB"): one table for the composer's own checks (composer/limits.ts) and for the server's
 * refusals worded on the device (api/reason-words.ts).
 */
import type { AttachmentKind } from "@inbox/shared/api/uploads";
import { defineMessages } from "../i18n/define-messages.ts";

// Every kind has its words (the type says so), so a new kind cannot reach a sentence as a bare code.
const EN = { image: "images", audio: "audio", video: "videos", file: "files" } satisfies Record<AttachmentKind, string>;
const t = defineMessages(EN, { image: "imagens", audio: "áudios", video: "vídeos", file: "arquivos" });

const isKind = (kind: string): kind is AttachmentKind => Object.hasOwn(EN, kind);

/** `image` → "images" in the UI's language; a kind this client does not know stays as given. */
export const kindsWords = (kind: string): string => (isKind(kind) ? t(kind) : kind);
