/**
 * What the chat shows instead of (or above) the reply box when the conversation's channel
 * cannot send, following the seed's failure table:
 * - disabled: agents cannot reply; earlier messages stay visible.
 * - token expired: agents see an error; an admin must reconnect the channel.
 * - platform limit: sending is suspended for a while; replies wait and go out after the pause.
 */
import type { Inbox } from "@inbox/shared";
import { t } from "../format/channel-messages.ts";
import { effectiveStatus, pauseEnd } from "../format/channel-status.ts";
import type { TimeOptions } from "../format/time.ts";

export interface ChannelNotice {
  kind: "disabled" | "token_expired" | "rate_limited";
  /** False: the reply box is replaced by the notice (no Send button). */
  canReply: boolean;
  /** An error the agent must notice at once (role="alert"), rather than a status. */
  urgent: boolean;
  /** Offer the admin a way to the channel's settings to reconnect it. */
  reconnect: boolean;
  text: string;
}

export function channelNotice(
  inbox: Pick<Inbox, "status" | "pausedUntil"> | null,
  viewer: { isAdmin: boolean },
  o: TimeOptions = {},
): ChannelNotice | null {
  if (!inbox) return null;
  const now = o.now ?? Date.now();
  switch (effectiveStatus(inbox, now)) {
    case "active":
      return null;
    case "disabled":
      return { kind: "disabled", canReply: false, urgent: false, reconnect: false, text: t("noticeDisabled") };
    case "token_expired":
      return { kind: "token_expired", canReply: false, urgent: true, reconnect: viewer.isAdmin, text: t("noticeTokenExpired") };
    case "rate_limited": {
      return {
        kind: "rate_limited",
        canReply: true,
        urgent: false,
        reconnect: false,
        text:
          inbox.pausedUntil === null
            ? t("noticeRateLimited")
            : t("noticeRateLimitedUntil", { time: pauseEnd(inbox.pausedUntil, { ...o, now }) }),
      };
    }
  }
}
