/**
 * The admin screen's channel list: what GET /api/admin/inboxes said, with the live state from
 * the team rooms on top (a channel that hits the platform's limit while the admin looks shows
 * at once), and the channels the admin just changed replaced by the server's answer.
 */
import type { AdminInbox, Inbox } from "@inbox/shared";

/** Live status and pause (and name) win; the reason stays the server's until the list is fetched again. */
export function withLiveState(list: readonly AdminInbox[], live: ReadonlyMap<string, Pick<Inbox, "id" | "status" | "pausedUntil" | "name">>): AdminInbox[] {
  return list.map((row) => {
    const l = live.get(row.id);
    if (!l || (l.status === row.status && l.pausedUntil === row.pausedUntil && l.name === row.name)) return row;
    return {
      ...row,
      status: l.status,
      pausedUntil: l.pausedUntil,
      name: l.name,
      // An active channel has nothing to explain; another state's reason arrives with the next fetch.
      statusReason: l.status === "active" ? null : l.status === row.status ? row.statusReason : null,
    };
  });
}

/** True when a live state differs from the fetched list: time to fetch the reasons again. */
export function liveStateChanged(list: readonly AdminInbox[], live: ReadonlyMap<string, Pick<Inbox, "id" | "status" | "pausedUntil">>): boolean {
  return list.some((row) => {
    const l = live.get(row.id);
    return !!l && (l.status !== row.status || l.pausedUntil !== row.pausedUntil);
  });
}

/** The server's answer for one channel replaces (or adds) it. */
export function upsertInbox(list: readonly AdminInbox[], inbox: AdminInbox): AdminInbox[] {
  const i = list.findIndex((x) => x.id === inbox.id);
  if (i === -1) return sortChannels([...list, inbox]);
  const next = list.slice();
  next[i] = inbox;
  return next;
}

/** By name, so a row stays where it is when its state changes under the admin's pointer. */
export function sortChannels(list: readonly AdminInbox[]): AdminInbox[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The snippet a website pastes to show the web chat widget of this channel. */
export function widgetSnippet(origin: string, inboxId: string): string {
  return `<script src="${origin}/widget.js" data-inbox-id="${inboxId}" async></script>`;
}
