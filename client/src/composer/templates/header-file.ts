/**
 * The file a media-header template is sent with: the picker's checks while the agent still has
 * it in hand (the server checks again). It must be what the header shows (an image header, an
 * image) and fit the channel's limits for that kind, worded as the composer words attachments.
 * Pure, so it is tested without a browser.
 */
import { attachmentKindOf, type ChannelCapabilities } from "@inbox/shared/api/uploads";
import type { HeaderMediaKind } from "@inbox/shared";
import { attachmentError } from "../limits.ts";
import { t } from "./messages.ts";

const WANTED = { image: "headerNeedsImage", video: "headerNeedsVideo", file: "headerNeedsDocument" } as const;
const LABEL = { image: "headerImage", video: "headerVideo", file: "headerDocument" } as const;

/** The label of the header's file field ("Header image"). */
export const headerFileLabel = (kind: HeaderMediaKind): string => t(LABEL[kind]);

/** What the file input offers: the channel's accepted types of that kind, else the kind's family. */
export function headerFileAccept(caps: ChannelCapabilities | null, kind: HeaderMediaKind): string {
  const types = caps?.media[kind]?.mimeTypes;
  if (types?.length) return types.join(",");
  return kind === "file" ? "" : `${kind}/*`;
}

/** Why this file cannot be the header's, or null. */
export function headerFileError(caps: ChannelCapabilities | null, channel: string, kind: HeaderMediaKind, file: { name: string; type: string; size: number }): string | null {
  if (attachmentKindOf(file.type || "application/octet-stream") !== kind) return t(WANTED[kind], { name: file.name });
  return attachmentError(caps, channel, file);
}
