import { canSeeTeam, type ChannelType, type MessageContent } from "@inbox/shared";
import {
  attachmentKindOf,
  baseMimeType,
  checkAttachment,
  checkChoices,
  typeLabel,
  type AttachmentKind,
  type AttachmentProblem,
  type ChannelCapabilities,
  type ChoicesProblem,
  type UploadResponse,
} from "@inbox/shared/api/uploads";
import type { Connector } from "@inbox/connectors";
import type { Writes } from "../db/record.ts";
import { MEDIA_KEY_RE, newMediaKey, type BlobStore } from "../media/blob-store.ts";
import type { SessionUser } from "../http/app-env.ts";
import { HttpError, notFound, refused, forbiddenBecause } from "../http/http-error.ts";
import { recordMedia } from "../media/media-access.ts";
import { conversationForUser } from "../security/conversation-access.ts";
import { CHANNEL_NAMES } from "../channels/index.ts";
import { getInboxRow } from "../db/read-model.ts";

/**
 * Agents' attachments and the channel limits they must fit. The composer checks the same
 * limits before sending; the server checks again at upload and when the reply arrives, because
 * a reply written offline may meet a channel whose limits it never saw.
 */

/** What storing agents' files and checking them against their channel needs. */
export interface UploadDeps extends Writes {
  connectors: ReadonlyMap<ChannelType, Connector>;
  blobs: BlobStore;
}


/** No connector for a channel (not configured on this server): nothing but text goes out. */
const TEXT_ONLY: ChannelCapabilities = { maxTextLength: 4096, maxButtons: 0, maxButtonTitleLength: 0, maxQuickReplies: 0, media: {}, formatting: "plain" };

export function channelCapabilities(core: UploadDeps, channel: ChannelType): ChannelCapabilities {
  const caps = core.connectors.get(channel)?.capabilities;
  if (!caps) return TEXT_ONLY;
  const media: ChannelCapabilities["media"] = {};
  for (const [kind, limit] of Object.entries(caps.media) as [AttachmentKind, { maxBytes: number; mimeTypes: readonly string[] }][]) {
    media[kind] = { maxBytes: limit.maxBytes, mimeTypes: [...limit.mimeTypes] };
  }
  return {
    maxTextLength: caps.maxTextLength,
    maxButtons: caps.maxButtons,
    maxButtonTitleLength: caps.maxButtonTitleLength,
    maxQuickReplies: caps.maxQuickReplies,
    media,
    formatting: caps.formatting,
  };
}

/** An inbox's capabilities, for anyone who may work on its conversations. */
export async function inboxCapabilities(core: UploadDeps, user: SessionUser, inboxId: string): Promise<ChannelCapabilities> {
  const inbox = await getInboxRow(core.db, inboxId);
  if (!inbox || inbox.workspaceId !== user.workspaceId) throw notFound("inbox");
  if (!canSeeTeam(user, inbox.teamId)) throw forbiddenBecause("inbox_team_not_yours");
  return channelCapabilities(core, inbox.channel as ChannelType);
}

/** Why the channel refuses this file, as a reason code with its parameters (worded by each side). */
function attachmentRefused(channel: ChannelType, p: AttachmentProblem): HttpError {
  const base = { channel: CHANNEL_NAMES[channel], kind: p.kind };
  switch (p.problem) {
    case "kind_unsupported":
      return refused(400, "bad_request", "attachment_kind_unsupported", base);
    case "type_unsupported":
      return refused(400, "bad_request", "attachment_type_unsupported", { ...base, accepted: p.accepted.map(shortType).join(", "), type: shortType(p.mimeType) });
    case "too_large":
      return refused(413, "payload_too_large", "attachment_too_large", { ...base, maxBytes: String(p.maxBytes), bytes: String(p.size) });
    case "empty":
      return refused(400, "bad_request", "attachment_empty", base);
  }
}

function choicesRefused(channel: ChannelType, p: ChoicesProblem): HttpError {
  const name = CHANNEL_NAMES[channel];
  const buttons = p.kind === "buttons";
  switch (p.problem) {
    case "choices_unsupported":
      return refused(400, "bad_request", buttons ? "buttons_unsupported" : "quick_replies_unsupported", { channel: name });
    case "too_many_choices":
      return refused(400, "bad_request", buttons ? "too_many_buttons" : "too_many_quick_replies", { channel: name, max: String(p.max), count: String(p.count) });
    case "choice_too_long":
      return refused(400, "bad_request", "choice_too_long", { channel: name, max: String(p.max), title: p.title });
  }
}

/** `image/png` → `PNG`, for people; a wildcard entry (`application/` then `*`) in words. */
function shortType(mimeType: string): string {
  const label = typeLabel(mimeType);
  if (!label.endsWith("/*")) return label;
  const type = label.slice(0, -2);
  return type === "*" ? "any type" : `any ${type} type`;
}

/**
 * Stores an agent's file for a reply in this conversation, refusing what its channel would
 * refuse: the type first (from the header, before reading a byte), then the size while the
 * body streams in, so an oversized file is never buffered whole.
 */
export async function storeUpload(
  core: UploadDeps,
  user: SessionUser,
  input: { conversationId: string; filename: string; mimeType: string; declaredSize: number | null; read(limit: number): Promise<Uint8Array> },
): Promise<UploadResponse> {
  const conv = await conversationForUser(core, user, input.conversationId);
  const channel = conv.channel as ChannelType;
  const caps = channelCapabilities(core, channel);
  const mimeType = baseMimeType(input.mimeType);
  const kind = attachmentKindOf(mimeType);
  const limit = caps.media[kind];
  const early = checkAttachment(caps, { mimeType, size: input.declaredSize ?? 1 });
  if (early) throw attachmentRefused(channel, early);
  let bytes: Uint8Array;
  try {
    bytes = await input.read(limit!.maxBytes);
  } catch (err) {
    if (err instanceof HttpError && err.status === 413) {
      throw refused(413, "payload_too_large", "attachment_over_limit", { channel: CHANNEL_NAMES[channel], kind, maxBytes: String(limit!.maxBytes) });
    }
    throw err;
  }
  const problem = checkAttachment(caps, { mimeType, size: bytes.byteLength });
  if (problem) throw attachmentRefused(channel, problem);
  const key = newMediaKey(mimeType);
  await core.blobs.put(key, bytes, mimeType);
  // The uploader's alone until a reply carries it (media/media-access.ts).
  await recordMedia(core, key, { workspaceId: user.workspaceId, uploaderId: user.id });
  return { url: `/media/${key}`, kind, mimeType, size: bytes.byteLength, filename: input.filename };
}

/**
 * A reply's content against its channel, at the moment it is sent: text length, choices, and
 * an attachment's stored bytes (its real size and type, not what the client claimed).
 */
export async function refuseOverChannelLimits(core: UploadDeps, channel: ChannelType, content: MessageContent): Promise<void> {
  const caps = channelCapabilities(core, channel);
  const name = CHANNEL_NAMES[channel];
  switch (content.kind) {
    case "text":
    case "buttons":
    case "quick_replies": {
      if (content.text.length > caps.maxTextLength) {
        throw refused(400, "bad_request", "text_too_long", { channel: name, max: String(caps.maxTextLength), length: String(content.text.length) });
      }
      const problem = content.kind === "text" ? null : checkChoices(caps, content);
      if (problem) throw choicesRefused(channel, problem);
      return;
    }
    case "image":
    case "audio":
    case "video":
    case "file": {
      const key = content.url.startsWith("/media/") ? content.url.slice("/media/".length) : "";
      const blob = MEDIA_KEY_RE.test(key) ? await core.blobs.get(key) : null;
      if (!blob) throw refused(400, "bad_request", "attachment_missing");
      if (attachmentKindOf(blob.mimeType) !== content.kind || baseMimeType(content.mimeType) !== blob.mimeType) throw refused(400, "bad_request", "attachment_mismatch");
      const problem = checkAttachment(caps, { mimeType: blob.mimeType, size: blob.bytes.byteLength });
      if (problem) throw attachmentRefused(channel, problem);
      return;
    }
    default:
      throw refused(400, "bad_request", "reply_content_mixed");
  }
}
