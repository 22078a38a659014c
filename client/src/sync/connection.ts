/** What the header says about the live connection, from the state of every open room. */
export type RoomStatus = "connecting" | "connected" | "disconnected" | "forbidden";
export type ConnectionSummary = "live" | "connecting" | "offline";

export function summarizeConnection(statuses: readonly RoomStatus[], browserOnline: boolean): ConnectionSummary {
  if (!browserOnline) return "offline";
  // A forbidden room is closed for good and says nothing about the network.
  const relevant = statuses.filter((s) => s !== "forbidden");
  // No rooms at all (a user in no team) has nothing to wait for.
  if (relevant.length === 0) return "live";
  if (relevant.every((s) => s === "connected")) return "live";
  if (relevant.some((s) => s === "connecting")) return "connecting";
  return "offline";
}

export const CONNECTION_LABELS: Record<ConnectionSummary, string> = {
  live: "Live",
  connecting: "Connecting…",
  offline: "Offline",
};

export type BadgeState = "online" | "syncing" | "offline";

export interface Badge {
  state: BadgeState;
  /** What the header shows, e.g. "Offline · 3 changes waiting". */
  text: string;
  /** Its accessible name. */
  label: string;
}

/**
 * The header's connection badge. Offline: the browser is, the rooms can't connect, or the
 * server could not be reached on the last try. Syncing: connected, and changes are on their
 * way in either direction (or rooms are still connecting). Online: all caught up.
 */
export function connectionBadge(input: {
  rooms: ConnectionSummary;
  browserOnline: boolean;
  unreachable: boolean;
  busy: boolean;
  waiting: number;
}): Badge {
  const state: BadgeState =
    !input.browserOnline || input.rooms === "offline" || input.unreachable
      ? "offline"
      : input.busy || input.waiting > 0 || input.rooms === "connecting"
        ? "syncing"
        : "online";
  const word = state === "offline" ? "Offline" : state === "syncing" ? "Syncing" : "Online";
  const waiting = input.waiting > 0 ? ` · ${input.waiting} ${input.waiting === 1 ? "change" : "changes"} waiting` : "";
  const text = `${word}${waiting}`;
  return { state, text, label: `Connection: ${text}` };
}
