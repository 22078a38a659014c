/** A conversation's status (open, pending, snoozed, resolved) as a pill. */
import type { ConversationStatus } from "@inbox/shared";
import { STATUS_LABELS } from "../format/labels.ts";

export function StatusBadge(props: { status: ConversationStatus }) {
  return <span class={`status-badge status-${props.status}`}>{STATUS_LABELS[props.status]}</span>;
}
