/** The channel a conversation runs on, as a small coloured label. */
import type { ChannelType } from "@inbox/shared";
import { CHANNEL_LABELS } from "../format/labels.ts";

export function ChannelBadge(props: { channel: ChannelType }) {
  return <span class={`channel-badge channel-${props.channel}`}>{CHANNEL_LABELS[props.channel]}</span>;
}
