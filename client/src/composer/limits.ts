/**
 * The composer's checks before anything is sent, against the channel's capabilities, worded
 * for the agent ("WhatsApp accepts images up to 5 MB; this one is 7.2 MB."). The server checks
 * the same again; these just say it while the agent still has the file in hand. Pure.
 */
import {
  checkAttachment,
  typeLabel,
  type ChannelCapabilities,
} from "@inbox/shared/api/uploads";
import { formatFileSize } from "../format/file-size.ts";
import { kindsWords as kinds } from "../api/kind-words.ts";
import { t } from "./messages.ts";

/** `image/png` → `PNG`, `text/plain` → `TXT`; a wildcard entry (`application/` then `*`) in words. */
export function shortType(mimeType: string): string {
  const label = typeLabel(mimeType);
  if (!label.endsWith("/*")) return label;
  const type = label.slice(0, -2);
  return type === "*" ? t("anyType") : t("anyTypeOf", { type: type.toUpperCase() });
}

/** Why this file cannot go to this channel, or null when it can. Null capabilities: not known on this device yet. */
export function attachmentError(caps: ChannelCapabilities | null, channel: string, file: { name: string; type: string; size: number }): string | null {
  if (!caps) return t("unknownLimits", { channel });
  if (Object.keys(caps.media).length === 0) return t("noAttachments", { channel });
  const mimeType = file.type || "application/octet-stream";
  const p = checkAttachment(caps, { mimeType, size: file.size });
  if (!p) return null;
  switch (p.problem) {
    case "kind_unsupported":
      return t("kindUnsupported", { channel, kinds: kinds(p.kind) });
    case "type_unsupported":
      return t("typeUnsupported", { channel, kinds: kinds(p.kind), accepted: p.accepted.map(shortType).join(", "), name: file.name, type: shortType(mimeType) });
    case "too_large":
      return t("tooLarge", { channel, kinds: kinds(p.kind), max: formatFileSize(p.maxBytes), size: formatFileSize(p.size) });
    case "empty":
      return t("empty", { name: file.name });
  }
}

/** Too long for the channel, or null. */
export function textLengthError(caps: ChannelCapabilities | null, channel: string, text: string): string | null {
  if (!caps || text.length <= caps.maxTextLength) return null;
  return t("tooLong", { channel, max: caps.maxTextLength, count: text.length });
}
