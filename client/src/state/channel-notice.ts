/**
 * What the composer says when the conversation's channel cannot send, following the product's
 * failure table: a disabled channel takes no replies; an expired token needs an admin; a
 * rate-limited channel is paused for a while.
 */
import type { Inbox } from "@inbox/shared";

export interface ChannelNotice {
  /** False when replies are impossible, so the composer is disabled. */
  canReply: boolean;
  text: string;
}

export function channelNotice(inbox: Pick<Inbox, "status" | "pausedUntil" | "name"> | null, now: number): ChannelNotice | null {
  if (!inbox) return null;
  switch (inbox.status) {
    case "active":
      return null;
    case "disabled":
      return { canReply: false, text: `The ${inbox.name} channel is disabled, so you can't reply here.` };
    case "token_expired":
      return {
        canReply: false,
        text: `The ${inbox.name} channel's connection expired. An admin must reconnect it in settings.`,
      };
    case "rate_limited":
      if (inbox.pausedUntil !== null && inbox.pausedUntil <= now) return null;
      return { canReply: true, text: "Channel temporarily unavailable: sending is paused for a while." };
  }
}
