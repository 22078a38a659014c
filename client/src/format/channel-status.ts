/**
 * A channel's state in words, following the seed's failure table: the same words on the admin
 * screen, in the agents' notices and in the admins' alerts.
 */
import type { ChannelStatus, Inbox } from "@inbox/shared";
import { t } from "./channel-messages.ts";
import { dayKey, formatClock, formatDateTime, type TimeOptions } from "./time.ts";

export type ChannelState = Pick<Inbox, "status" | "pausedUntil">;

/**
 * The state that matters now: a rate-limit pause whose end has passed no longer holds replies
 * back (the server resumes sending on its own and flips the channel back on its next attempt).
 */
export function effectiveStatus(inbox: ChannelState, now: number): ChannelStatus {
  if (inbox.status === "rate_limited" && inbox.pausedUntil !== null && inbox.pausedUntil <= now) return "active";
  return inbox.status;
}

/** "14:32" when the pause ends today, else with the date ("5 Mar 2025, 09:00"). */
export function pauseEnd(pausedUntil: number, o: TimeOptions = {}): string {
  const now = o.now ?? Date.now();
  return dayKey(pausedUntil, o) === dayKey(now, o) ? formatClock(pausedUntil, o) : formatDateTime(pausedUntil, o);
}

/** The status badge's words: "Active", "Disabled", "Token expired — reconnect", "Paused until 14:32 (platform limit)". */
export function channelStatusWords(inbox: ChannelState, o: TimeOptions = {}): string {
  const now = o.now ?? Date.now();
  switch (effectiveStatus(inbox, now)) {
    case "active":
      return t("statusActive");
    case "disabled":
      return t("statusDisabled");
    case "token_expired":
      return t("statusTokenExpired");
    case "rate_limited":
      return inbox.pausedUntil === null
        ? t("statusPausedAWhile")
        : t("statusPausedUntil", { time: pauseEnd(inbox.pausedUntil, { ...o, now }) });
  }
}

/** Colour of the badge: fine, off, broken (needs an admin), or waiting. */
export function channelStatusTone(inbox: ChannelState, now: number): "ok" | "off" | "error" | "warning" {
  switch (effectiveStatus(inbox, now)) {
    case "active":
      return "ok";
    case "disabled":
      return "off";
    case "token_expired":
      return "error";
    case "rate_limited":
      return "warning";
  }
}
