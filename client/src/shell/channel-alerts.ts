/**
 * "Admins are notified" (seed's failure table): a channel whose token expired or that hit the
 * platform's limit shows a banner to admins, "Channel WhatsApp: Token expired — reconnect".
 * A dismissed banner stays away until that channel's state changes again; one whose channel
 * recovered goes away by itself.
 */
import type { Inbox } from "@inbox/shared";
import { t } from "../format/channel-messages.ts";
import { channelStatusWords, effectiveStatus } from "../format/channel-status.ts";
import type { TimeOptions } from "../format/time.ts";

export interface ChannelAlert {
  /** Changes with the channel's state, so a new failure after a dismissal shows again. */
  key: string;
  inboxId: string;
  inboxName: string;
  text: string;
  /** Token expired: the banner offers the way to reconnect. */
  reconnect: boolean;
}

export function alertKey(inbox: Pick<Inbox, "id" | "status" | "pausedUntil">): string {
  return `${inbox.id}:${inbox.status}:${inbox.pausedUntil ?? ""}`;
}

export function channelAlerts(
  inboxes: Iterable<Pick<Inbox, "id" | "name" | "status" | "pausedUntil">>,
  dismissed: ReadonlySet<string>,
  o: TimeOptions = {},
): ChannelAlert[] {
  const now = o.now ?? Date.now();
  const alerts: ChannelAlert[] = [];
  for (const inbox of inboxes) {
    const status = effectiveStatus(inbox, now);
    if (status !== "token_expired" && status !== "rate_limited") continue;
    const key = alertKey(inbox);
    if (dismissed.has(key)) continue;
    alerts.push({
      key,
      inboxId: inbox.id,
      inboxName: inbox.name,
      text: t("alert", { name: inbox.name, status: channelStatusWords(inbox, { ...o, now }) }),
      reconnect: status === "token_expired",
    });
  }
  // Broken channels first (they need an admin), then by name.
  return alerts.sort((a, b) => Number(b.reconnect) - Number(a.reconnect) || a.text.localeCompare(b.text));
}

/** Keeps the previous alert objects that did not change, so the banners on screen stay put (and are not announced again). */
export function reuseAlerts(next: ChannelAlert[], prev: readonly ChannelAlert[]): ChannelAlert[] {
  const byKey = new Map(prev.map((a) => [a.key, a]));
  const out = next.map((a) => {
    const old = byKey.get(a.key);
    return old && old.text === a.text && old.inboxName === a.inboxName && old.reconnect === a.reconnect ? old : a;
  });
  return out.length === prev.length && out.every((a, i) => a === prev[i]) ? (prev as ChannelAlert[]) : out;
}
