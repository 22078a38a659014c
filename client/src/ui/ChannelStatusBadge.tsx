/** A channel's state in words: "Active", "Disabled", "Token expired — reconnect", "Paused until 14:32 (platform limit)". */
import type { Inbox } from "@inbox/shared";
import { channelStatusTone, channelStatusWords } from "../format/channel-status.ts";

export function ChannelStatusBadge(props: { inbox: Pick<Inbox, "status" | "pausedUntil">; now: number }) {
  return (
    <span class={`channel-status channel-status-${channelStatusTone(props.inbox, props.now)}`}>
      {channelStatusWords(props.inbox, { now: props.now })}
    </span>
  );
}
