/** A conversation's status (open, pending, snoozed, resolved) as a pill, in the UI's language. */
import type { ConversationStatus } from "@inbox/shared";
import { t } from "./messages.ts";

export function StatusBadge(props: { status: ConversationStatus }) {
  return <span class={`status-badge status-${props.status}`}>{t(`status_${props.status}`)}</span>;
}
