/**
 * Attachment kinds as a sentence names them, in the plural ("WhatsApp accepts images up to
 * 5 MB"): one table for the composer's own checks (composer/limits.ts) and for the server's
 * refusals worded on the device (api/reason-words.ts).
 */
import { ENGLISH_KINDS, isAttachmentKind } from "@inbox/shared";
import { defineMessages } from "../i18n/define-messages.ts";

// The English is the server's own (every kind has its words, the type says so); Portuguese here.
const t = defineMessages(ENGLISH_KINDS, { image: "imagens", audio: "áudios", video: "vídeos", file: "arquivos" });

/** `image` → "images" in the UI's language; a kind this client does not know stays as given. */
export const kindsWords = (kind: string): string => (isAttachmentKind(kind) ? t(kind) : kind);
